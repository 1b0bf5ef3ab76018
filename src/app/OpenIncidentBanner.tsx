import { failoverCountdown, incidentNumber, type Incident, type Role } from '@/domain';
import { formatCountdown, paths } from '@/features/common';
import { useIncidentBannerT } from '@/i18n/incidentBanner';
import { useIncidents } from '@/storage';
import type { HubConnection } from '@/sync';
import { onLinkClick } from '@/ui/navigation';
import { useNow } from '@/ui/useNow';
import { bannerTime as at, simrsOf, SimrsDownNotice } from './SimrsDownNotice';

/**
 * Whose banner carries the SOP's one-hour failover clock: IT's, whose step the failover is.
 * Everyone else gets one line (which incident, since when, where to read it): the banner sits
 * on every screen of a tablet and must leave the work its room.
 */
export function showsFailoverClock(role: Role): boolean {
  return role === 'admin';
}

/** IT's lines under the banner's one line: the failover clock, the hub's word on the SIMRS, others. */
function ItDetails({
  incident,
  countdown,
  backSince,
  others,
}: {
  incident: Incident;
  countdown: ReturnType<typeof failoverCountdown>;
  backSince: string | undefined;
  others: number;
}) {
  const tb = useIncidentBannerT();
  const zone = incident.timeZone;
  return (
    <>
      {countdown ? (
        <p className={countdown.overdue ? 'incident-banner__overdue' : undefined}>
          {countdown.overdue
            ? tb('failoverOverdue', { minutes: Math.floor(-countdown.remainingMs / 60_000) })
            : tb('failoverIn', {
                time: at(countdown.dueAt, zone),
                left: formatCountdown(countdown.remainingMs),
              })}
        </p>
      ) : incident.failoverAt ? (
        <p>{tb('failedOver', { time: at(incident.failoverAt, zone) })}</p>
      ) : null}
      {backSince ? <p>{tb('simrsBack', { time: at(backSince, zone) })}</p> : null}
      {others > 0 ? <p>{tb('more', { count: others })}</p> : null}
    </>
  );
}

export function OpenIncidentNotice({
  incident,
  incidents,
  others,
  connection,
  role,
}: {
  incident: Incident;
  incidents: readonly Incident[];
  others: number;
  connection: HubConnection;
  role: Role;
}) {
  const tb = useIncidentBannerT();
  const zone = incident.timeZone;
  const number = incidentNumber(incident, incidents);
  const simrs = simrsOf(connection);
  const backSince = !incident.drill && simrs?.status === 'up' ? simrs.since : undefined;
  const it = showsFailoverClock(role);
  const now = useNow(1_000, it);
  const countdown = it ? failoverCountdown(incident, new Date(now)) : undefined;
  // Only IT's banner turns urgent (the failover is overdue); the one line never interrupts.
  const overdue = countdown?.overdue === true;
  return (
    <div
      className={`notice notice--${incident.drill ? 'info' : 'warning'} incident-banner`}
      role={overdue ? 'alert' : 'status'}
    >
      <p className="incident-banner__line">
        <strong>
          {tb(incident.drill ? 'drillTitle' : 'title', { number, time: at(incident.detectedAt, zone) })}
        </strong>
        {incident.drill ? <span>{tb('drillShort')}</span> : null}
        {backSince && !it ? <span>{tb('simrsBackShort', { time: at(backSince, zone) })}</span> : null}
        <a className="incident-banner__link" href={paths.incident(incident.id)} onClick={onLinkClick}>
          {tb('open')}
        </a>
      </p>
      {it ? (
        <ItDetails incident={incident} countdown={countdown} backSince={backSince} others={others} />
      ) : null}
    </div>
  );
}

/** Open incidents (readable only while someone is signed in), else the hub's word on the SIMRS. */
export function SignedInBanner({ connection, role }: { connection: HubConnection; role: Role }) {
  const incidents = useIncidents();
  const open = (incidents ?? []).filter((incident) => incident.status === 'open');
  const real = open.filter((incident) => !incident.drill);
  const drill = open.find((incident) => incident.drill);
  if (incidents === undefined) return null;
  if (open.length === 0) return <SimrsDownNotice connection={connection} />;
  return (
    <>
      {real[0] ? (
        <OpenIncidentNotice
          incident={real[0]}
          incidents={incidents}
          others={real.length - 1}
          connection={connection}
          role={role}
        />
      ) : null}
      {drill ? (
        <OpenIncidentNotice
          incident={drill}
          incidents={incidents}
          others={0}
          connection={connection}
          role={role}
        />
      ) : null}
    </>
  );
}

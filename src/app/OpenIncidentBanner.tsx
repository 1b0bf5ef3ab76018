import { failoverCountdown, incidentNumber, type Incident } from '@/domain';
import { formatCountdown, paths } from '@/features/common';
import { useT } from '@/i18n';
import { useIncidentBannerT } from '@/i18n/incidentBanner';
import { useIncidents } from '@/storage';
import type { HubConnection } from '@/sync';
import { onLinkClick } from '@/ui/navigation';
import { Notice } from '@/ui/Notice';
import { useNow } from '@/ui/useNow';
import { bannerTime as at, simrsOf, SimrsDownNotice } from './SimrsDownNotice';

function OpenIncidentNotice({
  incident,
  incidents,
  others,
  connection,
}: {
  incident: Incident;
  incidents: readonly Incident[];
  others: number;
  connection: HubConnection;
}) {
  const t = useT();
  const tb = useIncidentBannerT();
  const now = useNow(1_000);
  const zone = incident.timeZone;
  const number = incidentNumber(incident, incidents);
  const countdown = failoverCountdown(incident, new Date(now));
  const simrs = simrsOf(connection);
  const backSince = !incident.drill && simrs?.status === 'up' ? simrs.since : undefined;
  return (
    <Notice
      tone={incident.drill ? 'info' : 'warning'}
      role={countdown?.overdue ? 'alert' : 'status'}
      title={tb(incident.drill ? 'drillTitle' : 'title', {
        number,
        time: at(incident.detectedAt, zone),
      })}
      actions={
        <a className="button button--secondary" href={paths.incident(incident.id)} onClick={onLinkClick}>
          {tb('open')}
        </a>
      }
    >
      <p>{incident.drill ? tb('drillBody') : t('simrs.downBody')}</p>
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
    </Notice>
  );
}

/** Open incidents (readable only while someone is signed in), else the hub's word on the SIMRS. */
export function SignedInBanner({ connection }: { connection: HubConnection }) {
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
        />
      ) : null}
      {drill ? (
        <OpenIncidentNotice incident={drill} incidents={incidents} others={0} connection={connection} />
      ) : null}
    </>
  );
}

import { useState } from 'react';
import {
  downtimeMinutes,
  failoverCountdown,
  incidentNumber,
  incidentNumbers,
  onTime,
  onTimeThresholdMinutes,
  responseMinutes,
  type Incident,
  type IncidentOpenInput,
  type RuntimeConfig,
} from '@/domain';
import { formatCountdown, formatFacilityDateTime, paths, useCan } from '@/features/common';
import { DeviceGate } from '@/features/deviceSetup';
import { useT } from '@/i18n';
import { useIncidentT } from '@/i18n/incidents';
import { useSessionRole } from './useSessionRole';
import { getDb, openIncident, UNIT_OF_ROLE, useIncidents } from '@/storage';
import { Button } from '@/ui/Button';
import { Dialog } from '@/ui/Dialog';
import { navigate, onLinkClick } from '@/ui/navigation';
import { useNow } from '@/ui/useNow';
import { CAUSE_LABEL, SCOPE_LABEL } from './labels';
import { OpenIncidentForm } from './OpenIncidentForm';

function StatusBadge({ incident }: { incident: Incident }) {
  const ti = useIncidentT();
  return (
    <>
      <span className={`badge badge--incident-${incident.status}`}>{ti(`status.${incident.status}`)}</span>
      {incident.drill ? <span className="badge badge--drill">{ti('drill.badge')}</span> : null}
    </>
  );
}

function OpenIncidentCard({ incident, incidents }: { incident: Incident; incidents: readonly Incident[] }) {
  const ti = useIncidentT();
  const now = useNow(1_000);
  const zone = incident.timeZone;
  const number = incidentNumber(incident, incidents);
  const countdown = failoverCountdown(incident, new Date(now));
  return (
    <li className="slip-card">
      <div className="slip-card__head">
        <strong>{number}</strong>
        <StatusBadge incident={incident} />
        <span>{incident.unit}</span>
        <span>{ti(SCOPE_LABEL[incident.scope])}</span>
        <span>{ti(CAUSE_LABEL[incident.cause])}</span>
      </div>
      <p>{ti('list.detectedAt', { time: formatFacilityDateTime(incident.detectedAt, zone) })}</p>
      {countdown ? (
        <p className={countdown.overdue ? 'field__error' : undefined}>
          {countdown.overdue
            ? ti('failover.overdue', { left: formatCountdown(countdown.remainingMs) })
            : ti('failover.left', { left: formatCountdown(countdown.remainingMs) })}
        </p>
      ) : null}
      <div className="queue-item__actions">
        <a
          className="button button--primary"
          href={paths.incident(incident.id)}
          onClick={onLinkClick}
          aria-label={`${ti('list.open')} ${number}`}
        >
          {ti('list.open')}
        </a>
      </div>
    </li>
  );
}

function ClosedIncidents({ incidents, config }: { incidents: readonly Incident[]; config: RuntimeConfig }) {
  const t = useT();
  const ti = useIncidentT();
  const threshold = onTimeThresholdMinutes(config);
  const numbers = incidentNumbers(incidents);
  const closed = incidents.filter((incident) => incident.status === 'closed').reverse();
  if (closed.length === 0) return <p>{ti('list.noneClosed')}</p>;
  return (
    <table className="data-table">
      <caption>{ti('list.closedCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{ti('column.number')}</th>
          <th scope="col">{ti('field.detectedAt')}</th>
          <th scope="col">{ti('field.unit')}</th>
          <th scope="col">{ti('column.response')}</th>
          <th scope="col">{ti('column.onTime')}</th>
          <th scope="col">{ti('column.downtime')}</th>
        </tr>
      </thead>
      <tbody>
        {closed.map((incident) => {
          const number = numbers.get(incident.id);
          const minutes = responseMinutes(incident);
          const timely = onTime(incident, threshold);
          return (
            <tr key={incident.id}>
              <th scope="row">
                <a href={paths.incident(incident.id)} onClick={onLinkClick}>
                  {number}
                </a>
              </th>
              <td>{formatFacilityDateTime(incident.detectedAt, incident.timeZone)}</td>
              <td>{incident.unit}</td>
              <td>{minutes === undefined ? '—' : ti('minutes', { minutes })}</td>
              <td>{timely === undefined ? '—' : t(timely ? 'common.yes' : 'common.no')}</td>
              <td>{ti('minutes', { minutes: downtimeMinutes(incident) ?? 0 })}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Incidents({ config }: { config: RuntimeConfig }) {
  const ti = useIncidentT();
  const incidents = useIncidents();
  const role = useSessionRole();
  const mayReport = useCan('incidents', 'input');
  const mayRunDrills = useCan('incidents', 'correct');
  const [form, setForm] = useState<'report' | 'drill' | undefined>();
  if (incidents === undefined) return <p>{ti('loading')}</p>;
  const open = incidents.filter((incident) => incident.status === 'open');

  const submit = async (input: IncidentOpenInput) => {
    const result = await openIncident(getDb(), input);
    if (!result.ok) return result.error;
    setForm(undefined);
    if (result.value.incidentId) navigate(paths.incident(result.value.incidentId));
    return [];
  };

  return (
    <>
      <div className="form-actions">
        {mayReport ? (
          <Button variant="primary" onClick={() => setForm('report')}>
            {ti('open.report')}
          </Button>
        ) : null}
        {mayRunDrills ? <Button onClick={() => setForm('drill')}>{ti('open.drill')}</Button> : null}
        <a className="button button--secondary" href={paths.incidentReport} onClick={onLinkClick}>
          {ti('report.title')}
        </a>
        {mayRunDrills ? (
          <a className="button button--secondary" href={paths.incidentImport} onClick={onLinkClick}>
            {ti('import.title')}
          </a>
        ) : null}
      </div>
      <section aria-labelledby="open-incidents">
        <h2 id="open-incidents">{ti('list.openTitle')}</h2>
        {open.length === 0 ? (
          <p>{ti('list.noneOpen')}</p>
        ) : (
          <ul className="slip-list" aria-label={ti('list.openTitle')}>
            {open.map((incident) => (
              <OpenIncidentCard key={incident.id} incident={incident} incidents={incidents} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="closed-incidents">
        <h2 id="closed-incidents">{ti('list.closedTitle')}</h2>
        <ClosedIncidents incidents={incidents} config={config} />
      </section>
      <Dialog
        open={form !== undefined}
        title={ti(form === 'drill' ? 'open.drillTitle' : 'open.reportTitle')}
        onClose={() => setForm(undefined)}
      >
        {form ? (
          <OpenIncidentForm
            drill={form === 'drill'}
            defaultUnit={role ? UNIT_OF_ROLE[role] : ''}
            zone={config.facility.timeZone}
            onSubmit={submit}
            onCancel={() => setForm(undefined)}
          />
        ) : null}
      </Dialog>
    </>
  );
}

/** Insiden: the downtime incidents, open ones first with the SOP's one-hour countdown. */
export function IncidentsWorkspace() {
  const t = useT();
  return (
    <>
      <h1>{t('nav.incidents')}</h1>
      <p className="lead">{t('workspace.incidents.purpose')}</p>
      <DeviceGate>{({ config }) => <Incidents config={config} />}</DeviceGate>
    </>
  );
}

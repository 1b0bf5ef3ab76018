import { incidentNumber, type DeviceSummary, type Incident, type RuntimeConfig } from '@/domain';
import { formatFacilityDateTime, paths } from '@/features/common';
import { DeviceGate } from '@/features/deviceSetup';
import { Timeline } from '@/features/visits';
import { useIncidentT } from '@/i18n/incidents';
import { useIncidents } from '@/storage';
import type { HubConnection } from '@/sync';
import { onLinkClick } from '@/ui/navigation';
import { Notice } from '@/ui/Notice';
import { IncidentLogForm } from './IncidentLogForm';
import {
  BacklogTable,
  ClosePanel,
  DrillClearPanel,
  FailoverPanel,
  SightingsPanel,
  StepTimings,
} from './IncidentPanels';
import { CAUSE_LABEL, SCOPE_LABEL } from './labels';
import { SopChecklist } from './SopChecklist';
import { useActor } from './useSessionRole';

export type IncidentScreenProps = {
  incidentId: string;
  hubConnection: HubConnection;
  deviceSummary: () => Promise<DeviceSummary | undefined>;
};

function IncidentDetail({
  incident,
  incidents,
  config,
  hubConnection,
  deviceSummary,
}: Omit<IncidentScreenProps, 'incidentId'> & {
  incident: Incident;
  incidents: readonly Incident[];
  config: RuntimeConfig;
}) {
  const ti = useIncidentT();
  const actor = useActor();
  const zone = incident.timeZone;
  const number = incidentNumber(incident, incidents);
  return (
    <>
      <h1>
        {ti(incident.drill ? 'detail.drillTitle' : 'detail.title', { number })}{' '}
        <span className={`badge badge--incident-${incident.status}`}>{ti(`status.${incident.status}`)}</span>
      </h1>
      {incident.drill ? (
        <Notice tone="info" title={ti('drill.runningTitle')}>
          <p>{ti('drill.runningBody')}</p>
        </Notice>
      ) : null}
      <dl className="summary-list">
        <div>
          <dt>{ti(incident.drill ? 'field.drillStartedAt' : 'field.detectedAt')}</dt>
          <dd>
            {formatFacilityDateTime(incident.detectedAt, zone)} —{' '}
            {/* The hub's sighting opened it: no person reported it, whoever's device noted it first. */}
            {incident.detection === 'automatic'
              ? ti('detail.automatic')
              : ti('detail.manual', { name: incident.openedBy.name, device: incident.openedOn })}
          </dd>
        </div>
        <div>
          <dt>{ti('field.scope')}</dt>
          <dd>
            {ti(SCOPE_LABEL[incident.scope])} · {ti(CAUSE_LABEL[incident.cause])}
          </dd>
        </div>
      </dl>
      {incident.note ? <p>{incident.note}</p> : null}
      <SightingsPanel incident={incident} deviceSummary={deviceSummary} />
      <FailoverPanel incident={incident} />
      <ClosePanel incident={incident} connection={hubConnection} userName={actor?.name ?? ''} />
      <DrillClearPanel incident={incident} />
      <IncidentLogForm incident={incident} config={config} />
      <SopChecklist incident={incident} config={config} role={actor?.role} />
      <section aria-labelledby="backlog-title">
        <h2 id="backlog-title">{ti('backlog.title')}</h2>
        <BacklogTable incident={incident} />
      </section>
      <section aria-labelledby="timings-title">
        <h2 id="timings-title">{ti('timings.title')}</h2>
        <StepTimings incident={incident} config={config} />
      </section>
      <details>
        <summary>{ti('detail.trail')}</summary>
        <Timeline entries={incident.trail} zone={zone} label={number} />
      </details>
    </>
  );
}

/** One incident: its log line, the SOP checklist, the one-hour clock, what it captured, closing. */
export function IncidentScreen(props: IncidentScreenProps) {
  const ti = useIncidentT();
  const incidents = useIncidents();
  return (
    <>
      <a className="button button--quiet" href={paths.incidents} onClick={onLinkClick}>
        {ti('detail.back')}
      </a>
      <DeviceGate>
        {({ config }) => {
          if (incidents === undefined) return <p>{ti('loading')}</p>;
          const incident = incidents.find((candidate) => candidate.id === props.incidentId);
          if (!incident) return <Notice tone="warning" title={ti('detail.notFound')} />;
          return <IncidentDetail {...props} incident={incident} incidents={incidents} config={config} />;
        }}
      </DeviceGate>
    </>
  );
}

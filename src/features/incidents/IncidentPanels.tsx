import { useEffect, useState, type FormEvent } from 'react';
import {
  downtimeMinutes,
  failoverCountdown,
  sopSteps,
  stepTimings,
  ZONE_ABBREVIATION,
  type DeviceSummary,
  type FieldProblem,
  type Incident,
  type RuntimeConfig,
  type SopStep,
} from '@/domain';
import {
  formatCountdown,
  formatFacilityDateTime,
  formatFacilityTime,
  problemText,
  useCan,
} from '@/features/common';
import { useLanguage, useT } from '@/i18n';
import { useIncidentT } from '@/i18n/incidents';
import { clearDrill, closeIncident, getDb, updateIncident, useIncidentBacklog } from '@/storage';
import type { HubConnection } from '@/sync';
import { Button } from '@/ui/Button';
import { Dialog } from '@/ui/Dialog';
import { TextField } from '@/ui/Field';
import { Notice } from '@/ui/Notice';
import { useNow } from '@/ui/useNow';
import { hubReturnChoice, RestoredAtField, whenOfChoice, type EndChoice } from './RestoredAtField';

const clock = (iso: string, incident: Incident) =>
  `${formatFacilityTime(iso, incident.timeZone)} ${ZONE_ABBREVIATION[incident.timeZone]}`;

/** The SOP's one hour: the countdown to failover, the reminder once it passes, the failover itself. */
export function FailoverPanel({ incident }: { incident: Incident }) {
  const t = useT();
  const ti = useIncidentT();
  const now = useNow(1_000, incident.status === 'open');
  const countdown = failoverCountdown(incident, new Date(now));
  const mayRecord = useCan('incidents', 'input');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  if (incident.failoverAt)
    return (
      <p>{ti('failover.done', { time: formatFacilityDateTime(incident.failoverAt, incident.timeZone) })}</p>
    );
  if (!countdown) return null;
  const recordNow = async () => {
    const result = await updateIncident(getDb(), incident.id, { failoverAt: { mode: 'now' } });
    setProblems(result.ok ? [] : result.error);
  };
  return (
    <Notice
      tone={countdown.overdue ? 'danger' : 'info'}
      role={countdown.overdue ? 'alert' : 'status'}
      title={
        countdown.overdue
          ? ti('failover.overdue', { left: formatCountdown(countdown.remainingMs) })
          : ti('failover.left', { left: formatCountdown(countdown.remainingMs) })
      }
      actions={
        mayRecord ? (
          <Button variant={countdown.overdue ? 'primary' : 'secondary'} onClick={() => void recordNow()}>
            {ti('failover.recordNow')}
          </Button>
        ) : undefined
      }
    >
      <p>{ti('failover.due', { time: clock(countdown.dueAt, incident) })}</p>
      {countdown.overdue ? <p>{ti('failover.steps')}</p> : null}
      {problems.map((problem, index) => (
        <p key={index} className="field__error">
          {problemText(t, problem, incident.timeZone)}
        </p>
      ))}
    </Notice>
  );
}

/** SOP step 1, "do other computers have the same problem?": which devices report it, of how many. */
export function SightingsPanel({
  incident,
  deviceSummary,
}: {
  incident: Incident;
  deviceSummary: () => Promise<DeviceSummary | undefined>;
}) {
  const ti = useIncidentT();
  const [summary, setSummary] = useState<DeviceSummary | undefined>();
  useEffect(() => {
    let current = true;
    void deviceSummary().then((answer) => current && setSummary(answer));
    return () => {
      current = false;
    };
  }, [deviceSummary, incident.sightings.length]);
  const devices = [...new Set(incident.sightings.map((sighting) => sighting.deviceCode))];
  return (
    <p>
      {ti('sightings.devices', { count: devices.length, devices: devices.join(', ') })}{' '}
      {summary
        ? ti('sightings.ofHub', {
            active: summary.active,
            enrolled: summary.enrolled,
            minutes: summary.activeWindowMinutes,
          })
        : ti('sightings.hubUnknown')}
    </p>
  );
}

/** What the incident captured (for a drill: its practice data), and how much the hub holds. */
export function BacklogTable({ incident }: { incident: Incident }) {
  const ti = useIncidentT();
  const minute = Math.floor(useNow(60_000, incident.status === 'open') / 60_000) * 60_000;
  const backlog = useIncidentBacklog(incident, minute);
  if (incident.drillCleared) return <p>{ti('drill.clearedBacklog')}</p>;
  if (!backlog) return <p>{ti('loading')}</p>;
  const rows = [
    ['backlog.visits', backlog.visits],
    ['backlog.slips', backlog.slips],
    ['backlog.assessments', backlog.assessments],
  ] as const;
  return (
    <table className="data-table">
      <caption>{ti(incident.drill ? 'backlog.drillCaption' : 'backlog.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{ti('backlog.kind')}</th>
          <th scope="col">{ti('backlog.captured')}</th>
          <th scope="col">{ti('backlog.atHub')}</th>
          <th scope="col">{ti('backlog.toSend')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, count]) => (
          <tr key={label}>
            <th scope="row">{ti(label)}</th>
            <td>{count.captured}</td>
            <td>{count.atHub}</td>
            <td>{count.captured - count.atHub}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CloseForm({
  incident,
  backSince,
  downSince,
  defaultName,
  onDone,
}: {
  incident: Incident;
  backSince: string | undefined;
  downSince: string | undefined;
  defaultName: string;
  onDone: () => void;
}) {
  const t = useT();
  const ti = useIncidentT();
  const zone = incident.timeZone;
  // Just now by default: the person confirms the SIMRS works as they close it. The hub's time of
  // return is offered, to the minute, for a confirmation made later.
  const [end, setEnd] = useState<EndChoice>({ kind: 'now' });
  const [confirmedBy, setConfirmedBy] = useState(defaultName);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await closeIncident(getDb(), incident.id, {
      restoredAt: whenOfChoice(end, zone),
      confirmedBy,
    });
    if (!result.ok) setProblems(result.error);
    else onDone();
  };
  const errorOf = (field: string) => {
    const problem = problems.find((candidate) => candidate.field === field);
    return problem ? problemText(t, problem, zone) : undefined;
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      {/* The hub's warning says it all while it sees the SIMRS down. */}
      {downSince && !incident.drill ? (
        <Notice tone="warning" title={ti('close.hubSeesDown', { time: clock(downSince, incident) })} />
      ) : (
        <p>{ti(incident.drill ? 'close.drillExplained' : 'close.explained')}</p>
      )}
      <RestoredAtField
        drill={incident.drill}
        backSince={incident.drill ? undefined : hubReturnChoice(backSince, incident.detectedAt)}
        zone={zone}
        value={end}
        onChange={setEnd}
        error={errorOf('restoredAt')}
      />
      <TextField
        label={ti('close.confirmedBy')}
        value={confirmedBy}
        onChange={(event) => setConfirmedBy(event.target.value)}
        error={errorOf('confirmedBy')}
      />
      {problems
        .filter((problem) => !['restoredAt', 'confirmedBy'].includes(problem.field))
        .map((problem, index) => (
          <p key={index} className="field__error" role="alert">
            {problemText(t, problem, zone)}
          </p>
        ))}
      <div className="form-actions">
        <Button variant="primary" type="submit">
          {ti(incident.drill ? 'close.endDrill' : 'close.submit')}
        </Button>
        <Button onClick={onDone}>{ti('action.cancel')}</Button>
      </div>
    </form>
  );
}

/** What the hub says about the SIMRS since the incident began: back since, still down since. */
function simrsSince(connection: HubConnection, incident: Incident) {
  const simrs = connection.state === 'reachable' ? connection.simrs : undefined;
  const sinceOpening = simrs !== undefined && Date.parse(simrs.since) > Date.parse(incident.detectedAt);
  return {
    backSince: simrs?.status === 'up' && sinceOpening ? simrs.since : undefined,
    downSince: simrs?.status === 'down' ? simrs.since : undefined,
  };
}

/**
 * Closing: a person confirms the SIMRS is back. It is the primary action once the hub sees the
 * SIMRS up again; while the hub still sees it down (or cannot tell) it stays a secondary one,
 * with a warning when the hub sees it down: a closed incident ends the outage in the report.
 */
export function ClosePanel({
  incident,
  connection,
  userName,
}: {
  incident: Incident;
  connection: HubConnection;
  userName: string;
}) {
  const ti = useIncidentT();
  const mayClose = useCan('incidents', 'input');
  const [open, setOpen] = useState(false);
  const zone = incident.timeZone;
  if (incident.status === 'closed') {
    return (
      <dl className="summary-list">
        <div>
          <dt>{ti(incident.drill ? 'close.drillEndedAt' : 'close.restoredAt')}</dt>
          <dd>{incident.restoredAt ? formatFacilityDateTime(incident.restoredAt, zone) : '—'}</dd>
        </div>
        <div>
          <dt>{ti('column.downtime')}</dt>
          <dd>{ti('minutes', { minutes: downtimeMinutes(incident) ?? 0 })}</dd>
        </div>
        <div>
          <dt>{ti('close.confirmedBy')}</dt>
          <dd>{incident.confirmedBy ?? '—'}</dd>
        </div>
      </dl>
    );
  }
  const { backSince, downSince } = simrsSince(connection, incident);
  const primary = incident.drill || backSince !== undefined;
  return (
    <>
      {backSince && !incident.drill ? (
        <Notice tone="success" title={ti('close.hubSeesBack', { time: clock(backSince, incident) })} />
      ) : null}
      {downSince && !incident.drill && mayClose ? (
        <Notice tone="warning" title={ti('close.hubSeesDown', { time: clock(downSince, incident) })} />
      ) : null}
      {mayClose ? (
        <Button variant={primary ? 'primary' : 'secondary'} onClick={() => setOpen(true)}>
          {ti(incident.drill ? 'close.endDrill' : 'close.open')}
        </Button>
      ) : null}
      <Dialog
        open={open}
        title={ti(incident.drill ? 'close.endDrill' : 'close.open')}
        onClose={() => setOpen(false)}
      >
        <CloseForm
          incident={incident}
          backSince={backSince}
          downSince={downSince}
          defaultName={userName}
          onDone={() => setOpen(false)}
        />
      </Dialog>
    </>
  );
}

/** How long each SOP step took: the drill's lesson (also shown for real incidents). */
export function StepTimings({ incident, config }: { incident: Incident; config: RuntimeConfig }) {
  const ti = useIncidentT();
  const language = useLanguage();
  const label = (step: SopStep) => (language === 'en' && step.labelEn ? step.labelEn : step.label);
  const timings = stepTimings(incident, sopSteps(config));
  return (
    <StepTimingTable incident={incident} timings={timings} label={label} caption={ti('timings.caption')} />
  );
}

export function StepTimingTable({
  incident,
  timings,
  label,
  caption,
}: {
  incident: Incident;
  timings: ReturnType<typeof stepTimings>;
  label: (step: SopStep) => string;
  caption: string;
}) {
  const ti = useIncidentT();
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{ti('timings.step')}</th>
          <th scope="col">{ti('timings.doneAt')}</th>
          <th scope="col">{ti('timings.fromStart')}</th>
          <th scope="col">{ti('timings.took')}</th>
        </tr>
      </thead>
      <tbody>
        {timings.map((timing) => (
          <tr key={timing.step.id}>
            <th scope="row">{label(timing.step)}</th>
            <td>{timing.doneAt ? clock(timing.doneAt, incident) : ti('timings.notDone')}</td>
            <td>
              {timing.minutesFromStart === undefined
                ? '—'
                : ti('minutes', { minutes: timing.minutesFromStart })}
            </td>
            <td>
              {timing.minutesTaken === undefined ? '—' : ti('minutes', { minutes: timing.minutesTaken })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** After a drill: clear its practice data from every device and the hub (IT and recovery only). */
export function DrillClearPanel({ incident }: { incident: Incident }) {
  const t = useT();
  const ti = useIncidentT();
  const mayClear = useCan('incidents', 'correct');
  const [confirming, setConfirming] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  if (!incident.drill) return null;
  if (incident.drillCleared)
    return (
      <p>
        {ti('drill.cleared', {
          time: formatFacilityDateTime(incident.drillCleared.at, incident.timeZone),
          name: incident.drillCleared.by.name,
        })}
      </p>
    );
  if (incident.status === 'open' || !mayClear) return null;
  const clear = async () => {
    const result = await clearDrill(getDb(), incident.id);
    if (!result.ok) setProblems(result.error);
    else setConfirming(false);
  };
  return (
    <>
      <Button onClick={() => setConfirming(true)}>{ti('drill.clear')}</Button>
      <Dialog open={confirming} title={ti('drill.clear')} onClose={() => setConfirming(false)}>
        <p>{ti('drill.clearExplained')}</p>
        {problems.map((problem, index) => (
          <p key={index} className="field__error" role="alert">
            {problemText(t, problem, incident.timeZone)}
          </p>
        ))}
        <div className="form-actions">
          <Button variant="primary" onClick={() => void clear()}>
            {ti('drill.clearConfirm')}
          </Button>
          <Button onClick={() => setConfirming(false)}>{ti('action.cancel')}</Button>
        </div>
      </Dialog>
    </>
  );
}

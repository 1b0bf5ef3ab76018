import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  formatDuration,
  INCIDENT_CAUSES,
  INCIDENT_SCOPES,
  onTime,
  onTimeThresholdMinutes,
  responseSeconds,
  type FieldProblem,
  type Incident,
  type IncidentCause,
  type IncidentScope,
  type IncidentUpdateInput,
  type RuntimeConfig,
  type When,
} from '@/domain';
import { problemText } from '@/features/common';
import { useT } from '@/i18n';
import { useIncidentT } from '@/i18n/incidents';
import { getDb, updateIncident } from '@/storage';
import { Button } from '@/ui/Button';
import { RadioGroup, SelectField, TextAreaField, TextField } from '@/ui/Field';
import { useUnsavedWork } from '@/ui/unsavedWork';
import { DateTimeInputs, localOf, type LocalDateTime } from './DateTimeInputs';
import { CAUSE_LABEL, SCOPE_LABEL } from './labels';

type Draft = {
  unit: string;
  scope: IncidentScope;
  cause: IncidentCause;
  reporter: string;
  technician: string;
  workDescription: string;
  requestedAt: LocalDateTime;
  respondedAt: LocalDateTime;
  failoverAt: LocalDateTime;
};

function draftOf(incident: Incident): Draft {
  const zone = incident.timeZone;
  return {
    unit: incident.unit,
    scope: incident.scope,
    cause: incident.cause,
    reporter: incident.reporter ?? incident.openedBy.name,
    technician: incident.technician ?? '',
    workDescription: incident.workDescription ?? '',
    requestedAt: localOf(incident.requestedAt, zone),
    respondedAt: localOf(incident.respondedAt, zone),
    failoverAt: localOf(incident.failoverAt, zone),
  };
}

const TIME_FIELDS = ['requestedAt', 'respondedAt', 'failoverAt'] as const;

/** A typed time, when the person typed any part of it (a half-typed one is refused by name). */
function whenOf(value: LocalDateTime): When | undefined {
  return value.date || value.time ? { mode: 'manual', ...value } : undefined;
}

/**
 * The incident's line of the hospital's downtime log, filled in as it unfolds and after: who
 * reported it, the technician, when they were called and when they responded (Ketepatan follows),
 * what was done, and the failover to the backup server.
 */
export function IncidentLogForm({ incident, config }: { incident: Incident; config: RuntimeConfig }) {
  const t = useT();
  const ti = useIncidentT();
  const zone = incident.timeZone;
  const [draft, setDraft] = useState<Draft>(() => draftOf(incident));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const pristine = JSON.stringify(draftOf(incident));
  const dirty = JSON.stringify(draft) !== pristine;
  useUnsavedWork(dirty);
  // Another device changed the incident: take its values, unless this person is editing.
  const shown = useRef(pristine);
  useEffect(() => {
    if (shown.current === pristine) return;
    setDraft((current) => (JSON.stringify(current) === shown.current ? draftOf(incident) : current));
    shown.current = pristine;
  }, [pristine, incident]);
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setSaved(false);
  };
  const errorOf = (field: string) => {
    const problem = problems.find((candidate) => candidate.field === field);
    return problem ? problemText(t, problem, zone) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const input: IncidentUpdateInput = {
      unit: draft.unit,
      scope: draft.scope,
      cause: draft.cause,
      reporter: draft.reporter,
      technician: draft.technician,
      workDescription: draft.workDescription,
    };
    for (const field of TIME_FIELDS) {
      const when = whenOf(draft[field]);
      if (when) input[field] = when;
    }
    const result = await updateIncident(getDb(), incident.id, input);
    setBusy(false);
    if (!result.ok) {
      setProblems(result.error);
      return;
    }
    setProblems([]);
    setSaved(true);
  };
  const seconds = responseSeconds(incident);
  const timely = onTime(incident, onTimeThresholdMinutes(config));
  const general = problems.filter(
    (problem) =>
      !['unit', 'reporter', 'technician', 'workDescription', ...TIME_FIELDS].includes(problem.field),
  );

  return (
    <form
      className="form-card"
      aria-labelledby="incident-log-title"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h2 id="incident-log-title">{ti('log.title')}</h2>
      <p className="field__hint">{ti('log.hint')}</p>
      <div className="form-grid">
        <TextField
          label={ti('field.unit')}
          value={draft.unit}
          onChange={(event) => set('unit', event.target.value)}
          error={errorOf('unit')}
        />
        <SelectField
          label={ti('field.cause')}
          value={draft.cause}
          onChange={(event) => set('cause', event.target.value as IncidentCause)}
          options={INCIDENT_CAUSES.map((value) => ({ value, label: ti(CAUSE_LABEL[value]) }))}
        />
        <TextField
          label={ti('field.reporter')}
          value={draft.reporter}
          onChange={(event) => set('reporter', event.target.value)}
          error={errorOf('reporter')}
        />
        <TextField
          label={ti('field.technician')}
          value={draft.technician}
          onChange={(event) => set('technician', event.target.value)}
          error={errorOf('technician')}
        />
      </div>
      <RadioGroup
        legend={ti('field.scope')}
        name={`scope-${incident.id}`}
        options={INCIDENT_SCOPES.map((value) => ({ value, label: ti(SCOPE_LABEL[value]) }))}
        value={draft.scope}
        onChange={(value) => set('scope', value as IncidentScope)}
        hint={ti('field.scopeHint')}
      />
      <DateTimeInputs
        label={ti('field.requestedAt')}
        value={draft.requestedAt}
        onChange={(value) => set('requestedAt', value)}
        zone={zone}
        error={errorOf('requestedAt')}
      />
      <DateTimeInputs
        label={ti('field.respondedAt')}
        value={draft.respondedAt}
        onChange={(value) => set('respondedAt', value)}
        zone={zone}
        error={errorOf('respondedAt')}
      />
      <p role="status">
        {seconds === undefined
          ? ti('log.responsePending')
          : ti(timely ? 'log.responseOnTime' : 'log.responseLate', {
              duration: formatDuration(Math.max(0, seconds)),
              threshold: onTimeThresholdMinutes(config),
            })}
      </p>
      <TextAreaField
        label={ti('field.workDescription')}
        value={draft.workDescription}
        onChange={(event) => set('workDescription', event.target.value)}
        maxLength={1000}
        error={errorOf('workDescription')}
      />
      <DateTimeInputs
        label={ti('field.failoverAt')}
        value={draft.failoverAt}
        onChange={(value) => set('failoverAt', value)}
        zone={zone}
        error={errorOf('failoverAt')}
      />
      {general.map((problem, index) => (
        <p key={index} className="field__error" role="alert">
          {problemText(t, problem, zone)}
        </p>
      ))}
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {ti('log.save')}
        </Button>
        {saved ? (
          <p className="form-card__saved" role="status">
            {ti('log.saved')}
          </p>
        ) : null}
      </div>
    </form>
  );
}

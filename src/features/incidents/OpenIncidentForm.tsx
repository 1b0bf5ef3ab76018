import { useState, type FormEvent } from 'react';
import {
  INCIDENT_CAUSES,
  INCIDENT_SCOPES,
  NOW,
  type FacilityTimeZone,
  type FieldProblem,
  type IncidentCause,
  type IncidentOpenInput,
  type IncidentScope,
  type When,
} from '@/domain';
import { problemText, WhenField } from '@/features/common';
import { useT } from '@/i18n';
import { useIncidentT } from '@/i18n/incidents';
import { Button } from '@/ui/Button';
import { RadioGroup, SelectField, TextAreaField, TextField } from '@/ui/Field';
import { CAUSE_LABEL, SCOPE_LABEL } from './labels';

/**
 * Reporting an outage by hand (a unit whose PC cannot reach the SIMRS, or a device that cannot
 * reach the hub either), or IT starting a drill. `defaults` fill the form.
 */
export function OpenIncidentForm({
  drill,
  defaultUnit,
  zone,
  onSubmit,
  onCancel,
}: {
  drill: boolean;
  defaultUnit: string;
  zone: FacilityTimeZone;
  onSubmit: (input: IncidentOpenInput) => Promise<FieldProblem[]>;
  onCancel: () => void;
}) {
  const t = useT();
  const ti = useIncidentT();
  const [unit, setUnit] = useState(defaultUnit);
  const [scope, setScope] = useState<IncidentScope>(drill ? 'hospital' : 'unit');
  const [cause, setCause] = useState<IncidentCause>(drill ? 'planned_maintenance' : 'unknown');
  const [detectedAt, setDetectedAt] = useState<When>(NOW);
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const errorOf = (field: string) => {
    const problem = problems.find((candidate) => candidate.field === field);
    return problem ? problemText(t, problem, zone) : undefined;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblems(await onSubmit({ unit, scope, cause, detectedAt, drill, ...(note.trim() ? { note } : {}) }));
    setBusy(false);
  };
  const general = problems.filter((problem) => !['unit', 'detectedAt', 'note'].includes(problem.field));

  return (
    <form className="form-card" onSubmit={(event) => void submit(event)} noValidate>
      {drill ? <p>{ti('open.drillExplained')}</p> : <p>{ti('open.explained')}</p>}
      <TextField
        label={ti('field.unit')}
        value={unit}
        onChange={(event) => setUnit(event.target.value)}
        error={errorOf('unit')}
        required
      />
      <RadioGroup
        legend={ti('field.scope')}
        name="scope"
        options={INCIDENT_SCOPES.map((value) => ({ value, label: ti(SCOPE_LABEL[value]) }))}
        value={scope}
        onChange={(value) => setScope(value as IncidentScope)}
        hint={ti('field.scopeHint')}
      />
      <SelectField
        label={ti('field.cause')}
        value={cause}
        onChange={(event) => setCause(event.target.value as IncidentCause)}
        options={INCIDENT_CAUSES.map((value) => ({ value, label: ti(CAUSE_LABEL[value]) }))}
      />
      <WhenField
        label={ti(drill ? 'field.drillStartedAt' : 'field.detectedAt')}
        value={detectedAt}
        onChange={setDetectedAt}
        zone={zone}
        error={errorOf('detectedAt')}
      />
      <TextAreaField
        label={ti('field.note')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        maxLength={200}
        error={errorOf('note')}
      />
      {general.map((problem, index) => (
        <p key={index} className="field__error" role="alert">
          {problemText(t, problem, zone)}
        </p>
      ))}
      <div className="form-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {ti(drill ? 'open.startDrill' : 'open.submit')}
        </Button>
        <Button onClick={onCancel}>{ti('action.cancel')}</Button>
      </div>
    </form>
  );
}

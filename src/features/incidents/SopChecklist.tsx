import { useState } from 'react';
import {
  checklistOf,
  NOW,
  sopSteps,
  type FieldProblem,
  type Incident,
  type Role,
  type RuntimeConfig,
  type SopStep,
  type When,
} from '@/domain';
import { ROLE_LABEL } from '@/features/account';
import { formatFacilityDateTime, problemText, useCan, WhenField } from '@/features/common';
import { useLanguage, useT } from '@/i18n';
import { useIncidentT } from '@/i18n/incidents';
import { getDb, toggleIncidentStep, UNIT_OF_ROLE } from '@/storage';
import { CheckboxField, SelectField } from '@/ui/Field';
import { Notice } from '@/ui/Notice';

/** The units a step can be ticked for: the incident's, every desk's, every poli, any already used. */
function unitsOf(incident: Incident, config: RuntimeConfig): string[] {
  return [
    ...new Set([
      incident.unit,
      ...Object.values(UNIT_OF_ROLE),
      ...config.polis.map((poli) => poli.name),
      ...incident.steps.flatMap((step) => (step.unit ? [step.unit] : [])),
    ]),
  ];
}

function StepList({
  title,
  steps,
  incident,
  unit,
  onToggle,
}: {
  title: string;
  steps: readonly SopStep[];
  incident: Incident;
  unit: string | undefined;
  onToggle: (step: SopStep, done: boolean) => Promise<void>;
}) {
  const t = useT();
  const ti = useIncidentT();
  const language = useLanguage();
  const mayTick = useCan('incidents', 'input');
  // The box follows the click at once; the journal write behind it takes a moment.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const toggle = async (step: SopStep, done: boolean) => {
    setPending((current) => ({ ...current, [step.id]: done }));
    await onToggle(step, done);
    setPending(({ [step.id]: _settled, ...rest }) => rest);
  };
  const rows = checklistOf(incident, steps, unit);
  const done = rows.filter((row) => row.state?.done).length;
  return (
    <fieldset className="filter-group sop-steps">
      <legend>{ti('sop.progress', { title, done, total: rows.length })}</legend>
      {rows.map(({ step, state }) => (
        <CheckboxField
          key={step.id}
          label={language === 'en' && step.labelEn ? step.labelEn : step.label}
          checked={pending[step.id] ?? state?.done ?? false}
          disabled={!mayTick || step.id in pending}
          onChange={(event) => void toggle(step, event.target.checked)}
          hint={
            state
              ? ti(state.done ? 'sop.doneBy' : 'sop.undoneBy', {
                  name: state.by.name,
                  role: t(ROLE_LABEL[state.by.role]),
                  time: formatFacilityDateTime(state.at, incident.timeZone),
                })
              : undefined
          }
        />
      ))}
    </fieldset>
  );
}

/**
 * The SOP checklist of the incident: IT's steps for the incident as a whole, and every unit's
 * own steps for the unit chosen (one's own by default). Each tick records who and when; a
 * time typed from paper is kept as the real time of the step.
 */
export function SopChecklist({
  incident,
  config,
  role,
}: {
  incident: Incident;
  config: RuntimeConfig;
  role: Role | undefined;
}) {
  const t = useT();
  const ti = useIncidentT();
  const steps = sopSteps(config);
  const units = unitsOf(incident, config);
  const [unit, setUnit] = useState(role ? UNIT_OF_ROLE[role] : incident.unit);
  const [when, setWhen] = useState<When>(NOW);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const itSteps = steps.filter((step) => step.role === 'it');
  const unitSteps = steps.filter((step) => step.role !== 'it');

  const toggle = async (step: SopStep, done: boolean, forUnit: string | undefined) => {
    const result = await toggleIncidentStep(getDb(), incident.id, {
      stepId: step.id,
      ...(forUnit ? { unit: forUnit } : {}),
      done,
      when,
    });
    setProblems(result.ok ? [] : result.error);
  };
  const otherUnits = units.filter(
    (candidate) => candidate !== unit && incident.steps.some((state) => state.unit === candidate),
  );

  return (
    <section aria-labelledby="sop-title">
      <h2 id="sop-title">{ti('sop.title')}</h2>
      <div className="form-row">
        <SelectField
          label={ti('sop.unit')}
          value={unit}
          onChange={(event) => setUnit(event.target.value)}
          options={units.map((value) => ({ value, label: value }))}
        />
        <WhenField label={ti('sop.when')} value={when} onChange={setWhen} zone={incident.timeZone} />
      </div>
      {problems.length > 0 ? (
        <Notice tone="danger" role="alert" title={ti('sop.refused')}>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problemText(t, problem, incident.timeZone)}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <StepList
        title={unit}
        steps={unitSteps}
        incident={incident}
        unit={unit}
        onToggle={(step, done) => toggle(step, done, unit)}
      />
      {itSteps.length > 0 ? (
        <StepList
          title={ti('sop.itSteps')}
          steps={itSteps}
          incident={incident}
          unit={undefined}
          onToggle={(step, done) => toggle(step, done, undefined)}
        />
      ) : null}
      {otherUnits.length > 0 ? (
        <ul className="summary-list--compact" aria-label={ti('sop.otherUnits')}>
          {otherUnits.map((other) => (
            <li key={other}>
              {ti('sop.unitProgress', {
                unit: other,
                done: checklistOf(incident, unitSteps, other).filter((row) => row.state?.done).length,
                total: unitSteps.length,
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

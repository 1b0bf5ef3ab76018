import { useState, type ReactNode } from 'react';
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
import { defaultSopUnit, sopGroups } from './sopGroups';

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
  id,
  title,
  hint,
  steps,
  incident,
  unit,
  onToggle,
  children,
}: {
  id: string;
  title: string;
  hint: string;
  steps: readonly SopStep[];
  incident: Incident;
  unit: string | undefined;
  onToggle: (step: SopStep, done: boolean) => Promise<void>;
  children?: ReactNode;
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
    <section className="sop-group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="field__hint">{hint}</p>
      {children}
      <fieldset className="filter-group sop-steps" aria-labelledby={`${id}-title ${id}-progress`}>
        <legend id={`${id}-progress`}>{ti('sop.progress', { done, total: rows.length })}</legend>
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
    </section>
  );
}

/**
 * The SOP checklist of the incident, each step under the unit it belongs to: IT's steps for the
 * incident as a whole, and every unit's own steps for the unit chosen (one's own by default; the
 * person's own group first). Each tick records who and when; a time typed from paper is kept as
 * the real time of the step.
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
  const ownUnit = role ? UNIT_OF_ROLE[role] : undefined;
  const [unit, setUnit] = useState(() => defaultSopUnit(incident, units, ownUnit, role));
  const [when, setWhen] = useState<When>(NOW);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const groups = sopGroups(steps, role);
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
      <WhenField label={ti('sop.when')} value={when} onChange={setWhen} zone={incident.timeZone} />
      {problems.length > 0 ? (
        <Notice tone="danger" role="alert" title={ti('sop.refused')}>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problemText(t, problem, incident.timeZone)}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {groups.map((group) =>
        group.kind === 'it' ? (
          <StepList
            key="it"
            id="sop-it"
            title={ti('sop.itSteps')}
            hint={ti('sop.itHint')}
            steps={group.steps}
            incident={incident}
            unit={undefined}
            onToggle={(step, done) => toggle(step, done, undefined)}
          />
        ) : (
          <StepList
            key="unit"
            id="sop-unit"
            title={ti('sop.unitSteps', { unit })}
            hint={ti('sop.unitStepsHint')}
            steps={group.steps}
            incident={incident}
            unit={unit}
            onToggle={(step, done) => toggle(step, done, unit)}
          >
            <SelectField
              label={ti('sop.unit')}
              hint={ti('sop.unitHint')}
              value={unit}
              onChange={(event) => setUnit(event.target.value)}
              options={units.map((value) => ({ value, label: value }))}
            />
          </StepList>
        ),
      )}
      {otherUnits.length > 0 ? (
        <section aria-labelledby="sop-others-title">
          <h3 id="sop-others-title">{ti('sop.otherUnits')}</h3>
          <ul className="summary-list--compact">
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
        </section>
      ) : null}
    </section>
  );
}

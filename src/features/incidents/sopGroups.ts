import type { Incident, Role, SopStep } from '@/domain';

/** The IT unit's steps (for the incident as a whole), or every unit's own steps. */
export type SopGroup = { kind: 'it' | 'unit'; steps: readonly SopStep[] };

/**
 * The SOP's steps under the unit they belong to: IT's (`role: 'it'`) and every unit's. The
 * person's own group comes first: IT's for IT, the unit's for everyone else.
 */
export function sopGroups(steps: readonly SopStep[], role: Role | undefined): SopGroup[] {
  const it: SopGroup = { kind: 'it', steps: steps.filter((step) => step.role === 'it') };
  const unit: SopGroup = { kind: 'unit', steps: steps.filter((step) => step.role !== 'it') };
  return (role === 'admin' ? [it, unit] : [unit, it]).filter((group) => group.steps.length > 0);
}

/**
 * The unit whose steps are shown first: one's own. IT's own unit has IT's steps already, so IT
 * sees the reporting unit's (or the first other unit's) steps.
 */
export function defaultSopUnit(
  incident: Pick<Incident, 'unit'>,
  units: readonly string[],
  ownUnit: string | undefined,
  role: Role | undefined,
): string {
  if (role !== 'admin') return ownUnit ?? incident.unit;
  if (incident.unit !== ownUnit) return incident.unit;
  return units.find((unit) => unit !== ownUnit) ?? incident.unit;
}

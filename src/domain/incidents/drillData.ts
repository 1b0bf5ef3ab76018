import { workflowOf } from '../access/eventRights';
import type { Workflow } from '../access/rights';
import type { DomainEvent } from '../events/domainEvent';
import type { Incident } from '../projections/types';

/** The workflows whose records are practice data during a drill: what a real outage captures. */
const DRILL_WORKFLOWS: ReadonlySet<Workflow> = new Set(['registration', 'queue', 'records', 'clinic']);

/** The drill running on this device: an open incident marked as a drill (at most one). */
export function activeDrillOf(incidents: readonly Incident[]): Incident | undefined {
  return incidents.find((incident) => incident.drill && incident.status === 'open');
}

/** The entities an event is about besides its own: the visit and patient its payload names. */
export function relatedEntityIds(event: DomainEvent): string[] {
  const payload = event.payload as { visitId?: unknown; patientId?: unknown };
  return [event.entityId, payload.visitId, payload.patientId].filter(
    (id): id is string => typeof id === 'string',
  );
}

/**
 * Marks clinical events as drill data (decision 0005): everything captured while a drill runs,
 * and anything later about an entity that is drill data (the RM 1.2 signed after the drill ended,
 * a slip for a practice visit), so that clearing the drill leaves nothing of it behind and no
 * practice record is ever delivered. Accounts, audit entries and incidents are never drill data.
 * `drillOf` answers for entities this device already holds.
 */
export function markDrillData(
  events: readonly DomainEvent[],
  activeDrillId: string | undefined,
  drillOf: (entityId: string) => string | undefined,
): DomainEvent[] {
  return events.map((event) => {
    if (event.drillId || !DRILL_WORKFLOWS.has(workflowOf(event.type))) return event;
    const drillId =
      activeDrillId ??
      relatedEntityIds(event)
        .map(drillOf)
        .find((id) => id !== undefined);
    return drillId ? { ...event, drillId } : event;
  });
}

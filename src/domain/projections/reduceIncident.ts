import type { EventOf } from '../events/domainEvent';
import { insertInTimeOrder, isNotBefore, timelineEntry } from './timelineEntry';
import type { Anomaly, Incident, IncidentSighting, IncidentStepState } from './types';

type IncidentEvent =
  | EventOf<'incident.opened'>
  | EventOf<'incident.updated'>
  | EventOf<'incident.step_done'>
  | EventOf<'incident.step_undone'>
  | EventOf<'incident.closed'>
  | EventOf<'incident.drill_cleared'>
  | EventOf<'incident.reconciled'>
  | EventOf<'incident.backentry_marked'>;

type Opened = EventOf<'incident.opened'>;

function sightingOf(event: Opened): IncidentSighting {
  return {
    eventId: event.id,
    detection: event.payload.detection,
    detectedAt: event.payload.detectedAt,
    deviceCode: event.deviceCode,
    actor: event.actor,
  };
}

/** Earliest detection first, then event id: the first sighting is the one the incident keeps. */
function compareSightings(a: IncidentSighting, b: IncidentSighting): number {
  const time = Date.parse(a.detectedAt) - Date.parse(b.detectedAt);
  if (time !== 0) return time;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** What an opening says about the incident. */
function openedFields(event: Opened) {
  const { detection, detectedAt, unit, scope, cause, drill, note } = event.payload;
  return {
    detection,
    detectedAt,
    timeZone: event.timeZone,
    unit,
    scope,
    cause,
    drill,
    ...(note ? { note } : {}),
    openedBy: event.actor,
    openedOn: event.deviceCode,
  };
}

function stepKey(step: { stepId: string; unit?: string | undefined }): string {
  return `${step.unit ?? ''}\u0000${step.stepId}`;
}

/**
 * A downtime incident from its events, applied in the canonical order (openings first, then real
 * time). Two openings of one incident (two devices opening the same hub-observed outage) are not
 * an anomaly: the earliest detection is kept and every opening is listed in `sightings`.
 */
export function reduceIncident(current: Incident | undefined, event: IncidentEvent): Incident | undefined {
  if (current?.trail.some((entry) => entry.eventId === event.id)) return current;

  if (event.type === 'incident.opened') {
    const sighting = sightingOf(event);
    if (!current) {
      return {
        id: event.entityId,
        ...openedFields(event),
        status: 'open',
        steps: [],
        sightings: [sighting],
        trail: [timelineEntry(event)],
        anomalies: [],
      };
    }
    const sightings = [...current.sightings, sighting].sort(compareSightings);
    const next: Incident = {
      ...current,
      sightings,
      trail: insertInTimeOrder(current.trail, timelineEntry(event)),
    };
    if (sightings[0]?.eventId !== event.id) return next;
    delete next.note;
    return { ...next, ...openedFields(event) };
  }

  if (!current) return undefined;
  const anomalies: Anomaly[] = [...current.anomalies];
  const next: Incident = {
    ...current,
    trail: insertInTimeOrder(current.trail, timelineEntry(event)),
    anomalies,
  };

  switch (event.type) {
    case 'incident.updated': {
      for (const [field, value] of Object.entries(event.payload)) {
        if (value !== undefined) Object.assign(next, { [field]: value });
      }
      if (
        (event.payload.requestedAt || event.payload.respondedAt) &&
        next.requestedAt &&
        next.respondedAt &&
        !isNotBefore(next.respondedAt, next.requestedAt)
      )
        anomalies.push({ eventId: event.id, rule: 'timeOrder' });
      break;
    }
    case 'incident.step_done':
    case 'incident.step_undone': {
      const state: IncidentStepState = {
        stepId: event.payload.stepId,
        ...(event.payload.unit ? { unit: event.payload.unit } : {}),
        done: event.type === 'incident.step_done',
        by: event.actor,
        at: event.occurredAt,
        eventId: event.id,
        ...(event.type === 'incident.step_done' && event.payload.note ? { note: event.payload.note } : {}),
      };
      const key = stepKey(state);
      const index = current.steps.findIndex((step) => stepKey(step) === key);
      next.steps =
        index === -1
          ? [...current.steps, state]
          : current.steps.map((step, position) => (position === index ? state : step));
      break;
    }
    case 'incident.drill_cleared':
      next.drillCleared = { at: event.occurredAt, by: event.actor };
      break;
    case 'incident.backentry_marked':
      next.backEntry = {
        ...current.backEntry,
        [event.payload.rowId]: { done: event.payload.done, at: event.occurredAt, by: event.actor },
      };
      break;
    case 'incident.reconciled': {
      const { note, ...totals } = event.payload;
      next.reconciliations = [
        ...(current.reconciliations ?? []),
        { eventId: event.id, at: event.occurredAt, by: event.actor, ...totals, ...(note ? { note } : {}) },
      ];
      break;
    }
    case 'incident.closed':
      next.status = 'closed';
      next.restoredAt = event.payload.restoredAt;
      next.confirmedBy = event.payload.confirmedBy;
      next.closedBy = event.actor;
      if (!isNotBefore(event.payload.restoredAt, current.detectedAt))
        anomalies.push({ eventId: event.id, rule: 'timeOrder' });
      break;
  }
  return next;
}

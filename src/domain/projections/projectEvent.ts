import type { DomainEvent } from '../events/domainEvent';
import { entityKindOf, type EntityKind } from '../events/entityKinds';
import { TEMP_NUMBER_PATTERN } from '../identifiers/tempNumber';
import { reduceAssessment } from './reduceAssessment';
import { reduceDowntimeLog } from './reduceDowntimeLog';
import { reduceIncident } from './reduceIncident';
import { reducePatient } from './reducePatient';
import { reduceSlip } from './reduceSlip';
import { reduceUser } from './reduceUser';
import { reduceVisit } from './reduceVisit';
import type { ProjectionTable, ProjectionTables } from './types';

const TABLE_OF_KIND: { readonly [K in EntityKind]: ProjectionTable | undefined } = {
  patient: 'patients',
  visit: 'visits', // and its queue ticket (`tickets` is the visit's non-identifying view)
  slip: 'slips',
  assessment: 'assessments',
  account: 'users',
  incident: 'incidents',
  downtime_log: 'downtimeLogs',
  audit_entry: undefined, // read from the journal itself
  delivery_decision: undefined, // the hub's to apply; devices keep them in the journal only
};

/**
 * The one projection row an event changes (every event belongs to exactly one entity, of the
 * kind its type gives [P31]), or none: audit entries are read from the journal itself, and a void
 * that does not say what it voids belongs to no row.
 */
export function tableOf(event: DomainEvent): ProjectionTable | undefined {
  const kind = entityKindOf(event);
  return kind ? TABLE_OF_KIND[kind] : undefined;
}

/** Applies one event to the current row of its entity; `undefined` when nothing can be built yet. */
export function reduceRow<T extends ProjectionTable>(
  current: ProjectionTables[T] | undefined,
  event: DomainEvent,
): ProjectionTables[T] | undefined {
  switch (event.type) {
    case 'patient.registered':
    case 'patient.corrected':
    case 'patient.mrn_mapped':
      return reducePatient(current as ProjectionTables['patients'] | undefined, event) as ProjectionTables[T];
    case 'slip.requested':
    case 'slip.found':
    case 'slip.not_found':
    case 'slip.sent':
    case 'slip.received':
    case 'slip.returned':
    case 'slip.cancelled':
      return reduceSlip(current as ProjectionTables['slips'] | undefined, event) as ProjectionTables[T];
    case 'assessment.signed':
    case 'assessment.amended':
      return reduceAssessment(
        current as ProjectionTables['assessments'] | undefined,
        event,
      ) as ProjectionTables[T];
    case 'user.created':
    case 'user.changed':
    case 'user.passphrase_set':
      return reduceUser(current as ProjectionTables['users'] | undefined, event) as ProjectionTables[T];
    case 'incident.opened':
    case 'incident.updated':
    case 'incident.step_done':
    case 'incident.step_undone':
    case 'incident.closed':
    case 'incident.drill_cleared':
    case 'incident.reconciled':
    case 'incident.backentry_marked':
      return reduceIncident(
        current as ProjectionTables['incidents'] | undefined,
        event,
      ) as ProjectionTables[T];
    case 'downtime_log.imported':
    case 'downtime_log.withdrawn':
      return reduceDowntimeLog(
        current as ProjectionTables['downtimeLogs'] | undefined,
        event,
      ) as ProjectionTables[T];
    case 'event.voided':
    case 'audit.recorded':
    case 'delivery.started':
    case 'delivery.paused':
    case 'delivery.retried':
      // A void changes nothing by itself: `projectEntity` leaves the voided event out.
      return current;
    default:
      return reduceVisit(current as ProjectionTables['visits'] | undefined, event) as ProjectionTables[T];
  }
}

/**
 * Per-device number series (queue tickets, temporary patient numbers, slips): the highest number
 * each event used. The next number is one above the stored maximum.
 */
export function counterKeysOf(event: DomainEvent): { key: string; value: number }[] {
  switch (event.type) {
    case 'visit.registered': {
      const { ticket, poliCode, serviceDate } = event.payload;
      return [
        { key: ticketCounterKey(poliCode, serviceDate, ticketSeriesOf(ticket)), value: ticket.sequence },
      ];
    }
    case 'patient.registered': {
      const match = event.payload.tempNumber ? TEMP_NUMBER_PATTERN.exec(event.payload.tempNumber) : null;
      return match ? [{ key: tempCounterKey(match[1]!, match[2]!), value: Number(match[3]) }] : [];
    }
    case 'slip.requested': {
      const [, device, date, sequence] = event.payload.slipNo.split('-');
      return [{ key: slipCounterKey(device!, date!), value: Number(sequence) }];
    }
    default:
      return [];
  }
}

/**
 * Whose number series a ticket continues: its desk's number block when it has one (so a desk that
 * takes over a block, e.g. a replacement PC, continues after the numbers it has seen), else the
 * issuing device.
 */
export function ticketSeriesOf(ticket: { deviceCode: string; series?: number | undefined }): string {
  return ticket.series === undefined ? ticket.deviceCode : `#${ticket.series}`;
}

export const ticketCounterKey = (poliCode: string, serviceDate: string, series: string) =>
  `ticket:${poliCode}:${serviceDate}:${series}`;
export const tempCounterKey = (deviceCode: string, compactDate: string) => `tmp:${deviceCode}:${compactDate}`;
export const slipCounterKey = (deviceCode: string, compactDate: string) =>
  `slip:${deviceCode}:${compactDate}`;

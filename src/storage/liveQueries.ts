import { useLiveQuery } from 'dexie-react-hooks';
import type {
  Assessment,
  DomainEvent,
  DowntimeLogSheet,
  Incident,
  Patient,
  Slip,
  SlipStatus,
  Visit,
} from '@/domain';
import { getCodec } from './codec';
import { getDb } from './database';
import type { TicketRow } from './db';
import { listDowntimeLogs } from './downtimeLogs';
import { incidentBacklog, type IncidentBacklog } from './incidentBacklog';
import { listIncidents } from './incidents';
import { decodeBodies } from './projectionRows';
import {
  dayList,
  slipWorklist,
  ticketsOfDay,
  visitsOfDay,
  type DayListEntry,
  type SlipEntry,
  type VisitEntry,
} from './queries';

/*
 * Live views for screens: each re-runs when the tables it read change (a registration at this
 * desk, or — after sync — at another). `undefined` means still loading.
 */

export function useVisitsOfDay(serviceDate: string, poliCode?: string): VisitEntry[] | undefined {
  return useLiveQuery(() => visitsOfDay(getDb(), serviceDate, poliCode), [serviceDate, poliCode]);
}

export function useDayList(serviceDate: string, poliCode?: string): DayListEntry[] | undefined {
  return useLiveQuery(() => dayList(getDb(), serviceDate, poliCode), [serviceDate, poliCode]);
}

export function useTickets(poliCode: string, serviceDate: string): TicketRow[] | undefined {
  return useLiveQuery(() => ticketsOfDay(getDb(), poliCode, serviceDate), [poliCode, serviceDate]);
}

export function useSlipWorklist(
  statuses: readonly SlipStatus[],
  poliCode: string | undefined,
): SlipEntry[] | undefined {
  const key = statuses.join(',');
  return useLiveQuery(() => slipWorklist(getDb(), { statuses, poliCode }), [key, poliCode]);
}

export type VisitDetail = {
  entry: VisitEntry;
  slips: Slip[];
  assessment: Assessment | undefined;
};

/** One visit with its patient, its slips and its assessment; `null` when not on this device. */
export function useVisitDetail(visitId: string): VisitDetail | null | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const codec = getCodec();
    const [visitRow, slipRows, assessmentRows] = await Promise.all([
      db.visits.get(visitId),
      db.slips.where('visitId').equals(visitId).toArray(),
      db.assessments.where('visitId').equals(visitId).toArray(),
    ]);
    if (!visitRow) return null;
    const patientRows = (await db.patients.bulkGet([visitRow.patientId])).filter((row) => row !== undefined);
    // Every read is done before decoding, which may await other work (decryption).
    const [[visit], patients, slips, [assessment]] = await Promise.all([
      decodeBodies<Visit>([visitRow], 'visits', codec),
      decodeBodies<Patient>(patientRows, 'patients', codec),
      decodeBodies<Slip>(slipRows, 'slips', codec),
      decodeBodies<Assessment>(assessmentRows, 'assessments', codec),
    ]);
    return { entry: { visit: visit!, patient: patients[0] }, slips, assessment };
  }, [visitId]);
}

export type EventSubject = { visit?: Visit | undefined; patient?: Patient | undefined };

/**
 * Whom an event is about, as this device knows it now: the visit (its own entity, or the one its
 * payload names) and the visit's patient. For the review list, so a refused record is recognisable.
 */
export function useEventSubject(event: DomainEvent): EventSubject | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const codec = getCodec();
    const payload = event.payload as { visitId?: unknown; patientId?: unknown };
    const visitId =
      event.type.startsWith('visit.') || event.type.startsWith('queue.')
        ? event.entityId
        : typeof payload.visitId === 'string'
          ? payload.visitId
          : undefined;
    const visitRow = visitId ? await db.visits.get(visitId) : undefined;
    const patientId = event.type.startsWith('patient.')
      ? event.entityId
      : (visitRow?.patientId ?? (typeof payload.patientId === 'string' ? payload.patientId : undefined));
    const patientRow = patientId ? await db.patients.get(patientId) : undefined;
    // Every read is done before decoding, which may await other work (decryption).
    const [[visit], [patient]] = await Promise.all([
      decodeBodies<Visit>(visitRow ? [visitRow] : [], 'visits', codec),
      decodeBodies<Patient>(patientRow ? [patientRow] : [], 'patients', codec),
    ]);
    return { visit, patient };
  }, [event.id]);
}

/** Every downtime incident on this device (drills included), earliest detection first. */
export function useIncidents(): Incident[] | undefined {
  return useLiveQuery(() => listIncidents(getDb()), []);
}

/** The incidents still open: what the banner on every screen shows. */
export function useOpenIncidents(): Incident[] | undefined {
  return useLiveQuery(() => listIncidents(getDb(), { status: 'open' }), []);
}

/** Imported past log sheets, withdrawn ones included. */
export function useDowntimeLogs(): DowntimeLogSheet[] | undefined {
  return useLiveQuery(() => listDowntimeLogs(getDb()), []);
}

/**
 * What an incident captured and how much of it the hub holds. `minute` (ms, rounded to the
 * minute) moves an open incident's window on without re-reading every second.
 */
export function useIncidentBacklog(
  incident: Incident | undefined,
  minute: number,
): IncidentBacklog | undefined {
  const key = incident ? `${incident.id}|${incident.restoredAt ?? ''}` : '';
  return useLiveQuery(
    () => (incident ? incidentBacklog(getDb(), incident, new Date(minute)) : undefined),
    [key, minute],
  );
}

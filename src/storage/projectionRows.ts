import {
  nameTokens,
  type Assessment,
  type DowntimeLogSheet,
  type Incident,
  type Patient,
  type Slip,
  type Visit,
} from '@/domain';
import type { StorageCodec } from './codec';
import type {
  AssessmentRow,
  DowntimeLogRow,
  IncidentRow,
  PatientRow,
  SlipRow,
  TicketRow,
  VisitRow,
} from './db';

/** Exact-match keys a patient can be found by: MRN, NIK, temporary number, name word + birth date. */
export async function patientLookupKeys(patient: Patient, codec: StorageCodec): Promise<string[]> {
  const keys: Promise<string>[] = [];
  if (patient.mrn) keys.push(codec.lookupKey('mrn', patient.mrn.toUpperCase()));
  if (patient.nik) keys.push(codec.lookupKey('nik', patient.nik));
  if (patient.tempNumber) keys.push(codec.lookupKey('tmp', patient.tempNumber));
  if (patient.birthDate) {
    for (const token of new Set(nameTokens(patient.name)))
      keys.push(codec.lookupKey('nd', `${token}|${patient.birthDate}`));
  }
  return Promise.all(keys);
}

export async function toPatientRow(patient: Patient, codec: StorageCodec): Promise<PatientRow> {
  return {
    id: patient.id,
    lookupKeys: await patientLookupKeys(patient, codec),
    body: await codec.encode(patient, { table: 'patients', id: patient.id }),
  };
}

export async function toVisitRow(visit: Visit, codec: StorageCodec): Promise<VisitRow> {
  return {
    id: visit.id,
    patientId: visit.patientId,
    serviceDate: visit.serviceDate,
    poliCode: visit.poliCode,
    status: visit.status,
    registeredAt: visit.registeredAt,
    ...(visit.drillId ? { drillId: visit.drillId } : {}),
    body: await codec.encode(visit, { table: 'visits', id: visit.id }),
  };
}

export function toTicketRow(visit: Visit): TicketRow {
  return {
    id: visit.id,
    patientId: visit.patientId,
    poliCode: visit.poliCode,
    serviceDate: visit.serviceDate,
    label: visit.ticketLabel,
    prefix: visit.ticket.prefix,
    deviceCode: visit.ticket.deviceCode,
    sequence: visit.ticket.sequence,
    ...(visit.ticket.series === undefined ? {} : { series: visit.ticket.series }),
    status: visit.status,
    callCount: visit.callCount,
    ...(visit.lastCalledAt ? { lastCalledAt: visit.lastCalledAt } : {}),
    registeredAt: visit.registeredAt,
    ...(visit.drillId ? { drillId: visit.drillId } : {}),
  };
}

export async function toSlipRow(slip: Slip, codec: StorageCodec): Promise<SlipRow> {
  return {
    id: slip.id,
    visitId: slip.visitId,
    patientId: slip.patientId,
    status: slip.status,
    poliCode: slip.poliCode,
    serviceDate: slip.serviceDate,
    requestedAt: slip.requestedAt,
    body: await codec.encode(slip, { table: 'slips', id: slip.id }),
  };
}

export async function toAssessmentRow(assessment: Assessment, codec: StorageCodec): Promise<AssessmentRow> {
  return {
    id: assessment.id,
    visitId: assessment.visitId,
    body: await codec.encode(assessment, { table: 'assessments', id: assessment.id }),
  };
}

export async function toIncidentRow(incident: Incident, codec: StorageCodec): Promise<IncidentRow> {
  return {
    id: incident.id,
    status: incident.status,
    detectedAt: incident.detectedAt,
    body: await codec.encode(incident, { table: 'incidents', id: incident.id }),
  };
}

export async function toDowntimeLogRow(
  sheet: DowntimeLogSheet,
  codec: StorageCodec,
): Promise<DowntimeLogRow> {
  return {
    id: sheet.id,
    month: sheet.month,
    body: await codec.encode(sheet, { table: 'downtimeLogs', id: sheet.id }),
  };
}

/** Decodes stored bodies. Projections are our own output, validated when their events were. */
export async function decodeBodies<T>(
  rows: readonly { id: string; body: PatientRow['body'] }[],
  table: string,
  codec: StorageCodec,
): Promise<T[]> {
  return Promise.all(rows.map(async (row) => (await codec.decode(row.body, { table, id: row.id })) as T));
}

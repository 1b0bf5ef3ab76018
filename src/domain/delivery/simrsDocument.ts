import type { Rm12Content } from '../assessment/rm12Schema';
import type { FacilityTimeZone } from '../config/runtimeConfigSchema';
import type { Role } from '../events/envelope';
import type { PatientIdentity } from '../events/patientEvents';
import type { RetrievalSource } from '../events/slipEvents';
import type { Payer } from '../events/visitEvents';
import type { Assessment, Patient, Slip, TimelineEntry, Visit } from '../projections/types';
import { toFacilityIso } from '../time/facilityTime';
import { deriveTaskTimes, type TaskBasis, type TaskId } from '../visits/taskTimes';

/**
 * What the hub sends a SIMRS through the REST adapter (`docs/simrs-api.md`): one document per
 * visit, self-contained, with every time both in UTC (what SATUSEHAT and BPJS need) and in the
 * facility zone (what staff read). Pure: built from projections, never from "now".
 */
export const SIMRS_DOCUMENT_VERSION = 1;

/** An instant twice: `utc` (`…Z`) and `local` (ISO with the facility offset), plus the zone. */
export type Stamp = { utc: string; local: string };

export function stamp(iso: string, zone: FacilityTimeZone): Stamp {
  const at = new Date(iso);
  return { utc: at.toISOString(), local: toFacilityIso(at, zone) };
}

/** The patient as the desk knew them (identity only; no clinical data). */
export type SimrsPatient = {
  localId: string;
  /** The hospital's medical-record number, when known (returning, or mapped after recovery). */
  mrn?: string;
  /** Siaga's downtime number of a patient who had no MRN at the desk. */
  tempNumber?: string;
} & Pick<
  PatientIdentity,
  'kind' | 'nik' | 'name' | 'birthDate' | 'estimatedAgeYears' | 'sex' | 'phone' | 'address' | 'bpjsCardNo'
>;

export type SimrsTimelineEntry = {
  eventId: string;
  type: string;
  at: Stamp;
  recordedAt: Stamp;
  actor: { name: string; role: Role };
  deviceCode: string;
  source: TimelineEntry['source'];
};

export type SimrsSlip = {
  localId: string;
  slipNo: string;
  status: Slip['status'];
  requestedAt: Stamp;
  retrievalSource?: RetrievalSource;
  backupSnapshotDate?: string;
  rm12BlankIssued?: boolean;
  sentAt?: Stamp;
  receivedAt?: Stamp;
  returnedAt?: Stamp;
  cancelledAt?: Stamp;
  cancelReason?: string;
  trail: SimrsTimelineEntry[];
};

export type SimrsAssessment = {
  localId: string;
  version: number;
  startedAt: Stamp;
  completedAt: Stamp;
  clinician: { doctorCode?: string; name: string };
  signedBy: { name: string; role: Role };
  source: TimelineEntry['source'];
  paperFormRef?: string;
  content: Rm12Content;
};

export type SimrsVisitDocument = {
  documentVersion: typeof SIMRS_DOCUMENT_VERSION;
  facility: { code: string; timeZone: FacilityTimeZone };
  patient: SimrsPatient;
  visit: {
    localId: string;
    serviceDate: string;
    poliCode: string;
    doctorCode: string;
    visitType: Visit['visitType'];
    payer: Payer;
    queueNumber: string;
    status: Visit['status'];
    arrivedAt: Stamp;
    registeredAt: Stamp;
    serviceStartedAt?: Stamp;
    serviceEndedAt?: Stamp;
    cancelReason?: string;
  };
  /** Every step of the visit in real-time order (registration, calls, service…). */
  timeline: SimrsTimelineEntry[];
  /** BPJS Antrean task times with the fact each comes from; `epochMs` as `updatewaktu` takes it. */
  bpjsTasks: { taskId: TaskId; at: Stamp; epochMs: number; basis: TaskBasis }[];
  slips: SimrsSlip[];
  assessment?: SimrsAssessment;
};

function timelineOf(entries: readonly TimelineEntry[], zone: FacilityTimeZone): SimrsTimelineEntry[] {
  return entries.map((entry) => ({
    eventId: entry.eventId,
    type: entry.type,
    at: stamp(entry.occurredAt, zone),
    recordedAt: stamp(entry.recordedAt, zone),
    actor: { name: entry.actor.name, role: entry.actor.role },
    deviceCode: entry.deviceCode,
    source: entry.source,
  }));
}

const optionalStamp = <K extends string>(key: K, iso: string | undefined, zone: FacilityTimeZone) =>
  (iso ? { [key]: stamp(iso, zone) } : {}) as Partial<Record<K, Stamp>>;

/** The patient part of a document; `mrn` overrides the desk's (a temporary patient mapped later). */
export function simrsPatient(patient: Patient, mrn?: string): SimrsPatient {
  const { kind, nik, name, birthDate, estimatedAgeYears, sex, phone, address, bpjsCardNo, tempNumber } =
    patient;
  const known = mrn ?? patient.mrn;
  return {
    localId: patient.id,
    kind,
    ...(known ? { mrn: known } : {}),
    ...(tempNumber ? { tempNumber } : {}),
    ...(nik ? { nik } : {}),
    name,
    ...(birthDate ? { birthDate } : {}),
    ...(estimatedAgeYears !== undefined ? { estimatedAgeYears } : {}),
    sex,
    ...(phone ? { phone } : {}),
    ...(address ? { address } : {}),
    ...(bpjsCardNo ? { bpjsCardNo } : {}),
  };
}

/** One visit with everything captured about it, for the SIMRS. */
export function buildVisitDocument(input: {
  visit: Visit;
  patient: Patient;
  /** The real MRN when the patient had only a temporary number at the desk. */
  mrn?: string;
  slips: readonly Slip[];
  assessment?: Assessment;
  facility: { code: string; timeZone: FacilityTimeZone };
}): SimrsVisitDocument {
  const { visit, assessment } = input;
  const zone = input.facility.timeZone;
  const current = assessment?.current;
  return {
    documentVersion: SIMRS_DOCUMENT_VERSION,
    facility: input.facility,
    patient: simrsPatient(input.patient, input.mrn),
    visit: {
      localId: visit.id,
      serviceDate: visit.serviceDate,
      poliCode: visit.poliCode,
      doctorCode: visit.doctorCode,
      visitType: visit.visitType,
      payer: visit.payer,
      queueNumber: visit.ticketLabel,
      status: visit.status,
      arrivedAt: stamp(visit.arrivedAt, zone),
      registeredAt: stamp(visit.registeredAt, zone),
      ...optionalStamp('serviceStartedAt', visit.serviceStartedAt, zone),
      ...optionalStamp('serviceEndedAt', visit.serviceEndedAt, zone),
      ...(visit.cancelReason ? { cancelReason: visit.cancelReason } : {}),
    },
    timeline: timelineOf(visit.timeline, zone),
    bpjsTasks: deriveTaskTimes(visit, assessment).map((task) => ({
      taskId: task.taskId,
      at: stamp(task.at, zone),
      epochMs: Date.parse(task.at),
      basis: task.basis,
    })),
    slips: [...input.slips]
      .sort((a, b) => Date.parse(a.requestedAt) - Date.parse(b.requestedAt) || (a.id < b.id ? -1 : 1))
      .map((slip) => ({
        localId: slip.id,
        slipNo: slip.slipNo,
        status: slip.status,
        requestedAt: stamp(slip.requestedAt, zone),
        ...(slip.retrievalSource ? { retrievalSource: slip.retrievalSource } : {}),
        ...(slip.backupSnapshotDate ? { backupSnapshotDate: slip.backupSnapshotDate } : {}),
        ...(slip.rm12BlankIssued !== undefined ? { rm12BlankIssued: slip.rm12BlankIssued } : {}),
        ...optionalStamp('sentAt', slip.sentAt, zone),
        ...optionalStamp('receivedAt', slip.receivedAt, zone),
        ...optionalStamp('returnedAt', slip.returnedAt, zone),
        ...optionalStamp('cancelledAt', slip.cancelledAt, zone),
        ...(slip.cancelReason ? { cancelReason: slip.cancelReason } : {}),
        trail: timelineOf(slip.trail, zone),
      })),
    ...(assessment && current
      ? {
          assessment: {
            localId: assessment.id,
            version: current.version,
            startedAt: stamp(current.startedAt, zone),
            completedAt: stamp(current.completedAt, zone),
            clinician: current.clinician.doctorCode
              ? { doctorCode: current.clinician.doctorCode, name: current.clinician.name }
              : { name: current.clinician.name },
            signedBy: { name: current.signedBy.name, role: current.signedBy.role },
            source: current.source,
            ...(current.paperFormRef ? { paperFormRef: current.paperFormRef } : {}),
            content: current.content,
          },
        }
      : {}),
  };
}

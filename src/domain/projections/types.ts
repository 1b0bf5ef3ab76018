import type { Rm12Content } from '../assessment/rm12Schema';
import type { FacilityTimeZone } from '../config/runtimeConfigSchema';
import type { Actor, EventSource, Role } from '../events/envelope';
import type { EventType, PayloadOf } from '../events/domainEvent';
import type { ImportedLogRow } from '../events/downtimeLogEvents';
import type { IncidentCause, IncidentDetection, IncidentScope } from '../events/incidentEvents';
import type { MrnMappingBasis, PatientIdentity } from '../events/patientEvents';
import type { RetrievalSource } from '../events/slipEvents';
import type { Payer, Ticket } from '../events/visitEvents';

/** One event as it shows on a timeline: who did what, when it really happened, when typed. */
export type TimelineEntry = {
  eventId: string;
  type: EventType;
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
  deviceCode: string;
  source: EventSource;
};

/**
 * Something in the journal that does not fit the rules (e.g. two devices acted on the same
 * ticket while apart). Reducers never drop an event: they apply it and record the anomaly for a
 * person to look at.
 */
export type Anomaly = {
  eventId: string;
  rule: 'queueTransition' | 'slipTransition' | 'timeOrder' | 'duplicateSignature';
};

export type PatientCorrection = {
  eventId: string;
  occurredAt: string;
  actor: Actor;
  reason: string;
  changes: Partial<PatientIdentity>;
};

export type Patient = PatientIdentity & {
  id: string;
  registeredAt: string;
  deviceCode: string;
  /** Registered during a drill: practice data (decision 0005). */
  drillId?: string;
  corrections: PatientCorrection[];
  /** A temporary patient's real MRN, decided after the outage (`mrn` then holds it too). */
  mrnMapping?: { eventId: string; mrn: string; basis: MrnMappingBasis; mappedAt: string; actor: Actor };
};

export const QUEUE_STATUSES = [
  'waiting',
  'called',
  'skipped',
  'serving',
  'done',
  'no_show',
  'cancelled',
] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export type Visit = {
  id: string;
  patientId: string;
  poliCode: string;
  doctorCode: string;
  visitType: 'baru' | 'lama';
  payer: Payer;
  ticket: Ticket;
  ticketLabel: string;
  serviceDate: string;
  arrivedAt: string;
  admissionStartedAt?: string;
  /** Registration completed (the `visit.registered` event's own time). */
  registeredAt: string;
  /** Registered during a drill: practice data, never delivered (decision 0005). */
  drillId?: string;
  status: QueueStatus;
  callCount: number;
  lastCalledAt?: string;
  serviceStartedAt?: string;
  serviceEndedAt?: string;
  closedAt?: string;
  cancelReason?: string;
  timeline: TimelineEntry[];
  anomalies: Anomaly[];
};

export const SLIP_STATUSES = [
  'requested',
  'found',
  'not_found',
  'sent',
  'received',
  'returned',
  'cancelled',
] as const;
export type SlipStatus = (typeof SLIP_STATUSES)[number];

export type Slip = {
  id: string;
  slipNo: string;
  visitId: string;
  patientId: string;
  mrn: string;
  poliCode: string;
  serviceDate: string;
  automatic: boolean;
  status: SlipStatus;
  requestedAt: string;
  retrievalSource?: RetrievalSource;
  backupSnapshotDate?: string;
  rm12BlankIssued?: boolean;
  sentAt?: string;
  receivedAt?: string;
  returnedAt?: string;
  /** Withdrawn with its cancelled visit: when, and the visit's cancellation reason. */
  cancelledAt?: string;
  cancelReason?: string;
  trail: TimelineEntry[];
  anomalies: Anomaly[];
};

export type AssessmentVersion = {
  eventId: string;
  version: number;
  content: Rm12Content;
  startedAt: string;
  completedAt: string;
  clinician: { doctorCode?: string | undefined; name: string };
  signedBy: Actor;
  source: EventSource;
  recordedAt: string;
  paperFormRef?: string;
  /** Why this version replaced the previous one (amendments only). */
  reason?: string;
};

export type Assessment = {
  id: string;
  visitId: string;
  current: AssessmentVersion;
  /** Earlier versions, oldest first. Nothing signed is ever lost. */
  history: AssessmentVersion[];
  anomalies: Anomaly[];
};

/** A staff account (no patient data): what devices need to list and sign people in. */
export type UserAccount = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  createdAt: string;
  /** The device (or `HUB`) where an admin created it. */
  createdOn: string;
  passphraseSetAt: string;
};

export const INCIDENT_STATUSES = ['open', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** One `incident.opened` seen for the incident (two devices may open the same automatic one). */
export type IncidentSighting = {
  eventId: string;
  detection: IncidentDetection;
  detectedAt: string;
  deviceCode: string;
  actor: Actor;
};

/** An SOP step's state for one unit (`unit` absent: the incident as a whole). */
export type IncidentStepState = {
  stepId: string;
  unit?: string;
  done: boolean;
  /** Who ticked (or unticked) it last, and when. */
  by: Actor;
  at: string;
  eventId: string;
  note?: string;
};

/**
 * A downtime incident (DOMAIN.md §7.5). No patient data. The number, response duration, on-time
 * mark, failover due time and downtime minutes are derived (`incidents/incidentRules.ts`).
 */
export type Incident = {
  id: string;
  detection: IncidentDetection;
  detectedAt: string;
  /** The facility zone of the opening event: the incident's calendar month is read in it. */
  timeZone: FacilityTimeZone;
  unit: string;
  scope: IncidentScope;
  cause: IncidentCause;
  drill: boolean;
  note?: string;
  /** The reporter: who opened it (the earliest detection), on which device. */
  openedBy: Actor;
  openedOn: string;
  status: IncidentStatus;
  requestedAt?: string;
  respondedAt?: string;
  technician?: string;
  reporter?: string;
  workDescription?: string;
  failoverAt?: string;
  restoredAt?: string;
  confirmedBy?: string;
  closedBy?: Actor;
  /** A drill whose practice data was cleared, when and by whom. */
  drillCleared?: { at: string; by: Actor };
  /** Sign-offs that the SIMRS holds what the incident produced, oldest first (issue 7). */
  reconciliations?: IncidentReconciliation[];
  /** Back-entry worklist rows typed into the SIMRS (issue 7), by row id: the latest mark. */
  backEntry?: Record<string, { done: boolean; at: string; by: Actor }>;
  steps: IncidentStepState[];
  /** Every opening, the kept one included, earliest detection first. */
  sightings: IncidentSighting[];
  trail: TimelineEntry[];
  anomalies: Anomaly[];
};

/** A sign-off: the `incident.reconciled` totals, with its event, time and signer. */
export type IncidentReconciliation = {
  eventId: string;
  at: string;
  by: Actor;
} & PayloadOf<'incident.reconciled'>;

/** A past monthly downtime log imported from CSV (one sheet = one month of one hospital log). */
export type DowntimeLogSheet = {
  id: string;
  month: string;
  fileName?: string;
  rows: ImportedLogRow[];
  importedAt: string;
  importedBy: Actor;
  /** Taken out of the reports (imported by mistake), with the reason. */
  withdrawn?: { at: string; by: Actor; reason: string };
  trail: TimelineEntry[];
};

export type ProjectionTables = {
  patients: Patient;
  visits: Visit;
  slips: Slip;
  assessments: Assessment;
  users: UserAccount;
  incidents: Incident;
  downtimeLogs: DowntimeLogSheet;
};
export type ProjectionTable = keyof ProjectionTables;

import * as z from 'zod/mini';
import { BACK_ENTRY_KINDS } from './backEntryWorklist';

/**
 * `GET /api/v1/delivery`: how delivery to each target stands, for the recovery console. No
 * patient data and no credentials: counts, reasons and who started or paused it.
 */
export const DELIVERY_ITEM_STATUSES = [
  'pending',
  'delivered',
  'retrying',
  'needs_review',
  'waiting',
] as const;

const count = z.number().check(z.int(), z.gte(0));

export const deliveryTargetStatusSchema = z.object({
  name: z.string(),
  label: z.string(),
  adapter: z.string(),
  state: z.enum(['paused', 'running']),
  changedAt: z.nullable(z.string()),
  changedBy: z.nullable(z.string()),
  counts: z.record(z.enum(DELIVERY_ITEM_STATUSES), count),
  failures: z.array(
    z.object({
      status: z.enum(['retrying', 'needs_review']),
      code: z.string(),
      message: z.string(),
      count,
    }),
  ),
  lastDeliveredAt: z.nullable(z.string()),
  /** Visits delivered per minute, from the last minute's deliveries (`deliveryRatePerMinute`). */
  perMinute: z.number(),
  /** At that rate, how long what is due still takes; `null` when nothing moves. */
  secondsLeft: z.nullable(z.number()),
});
export type DeliveryTargetStatus = z.output<typeof deliveryTargetStatusSchema>;

export const deliveryStatusSchema = z.object({
  targets: z.array(deliveryTargetStatusSchema),
  serverTime: z.string(),
});
export type DeliveryStatus = z.output<typeof deliveryStatusSchema>;

const sex = z.enum(['L', 'P']);

/** `POST /api/v1/delivery/waiting-patients {target}`: temporary patients whose visits wait [P28]. */
export const waitingPatientsAnswerSchema = z.object({
  patients: z.array(
    z.object({
      patientId: z.string(),
      kind: z.enum(['returning', 'new', 'unidentified']),
      tempNumber: z.optional(z.string()),
      name: z.string(),
      sex,
      nik: z.optional(z.string()),
      birthDate: z.optional(z.string()),
      estimatedAgeYears: z.optional(z.number()),
      visits: count,
      firstArrivalAt: z.string(),
    }),
  ),
});
export type WaitingPatientsAnswer = z.output<typeof waitingPatientsAnswerSchema>;
export type WaitingPatient = WaitingPatientsAnswer['patients'][number];

/** `POST /api/v1/delivery/patient-candidates {target, patientId}` [P28]. */
export const patientCandidatesAnswerSchema = z.object({
  candidates: z.array(
    z.object({
      source: z.enum(['hub', 'simrs']),
      mrn: z.optional(z.string()),
      patientId: z.optional(z.string()),
      tempNumber: z.optional(z.string()),
      nik: z.optional(z.string()),
      name: z.string(),
      birthDate: z.optional(z.string()),
      sex,
      match: z.enum(['nik', 'name_birth_sex']),
      similarity: z.number(),
    }),
  ),
  /** `answered`, `not_asked` (nothing to search by) or why the SIMRS could not be asked. */
  simrs: z.string(),
});
export type PatientCandidates = z.output<typeof patientCandidatesAnswerSchema>;

/** `POST /api/v1/delivery/patients {target, patientId}`: the SIMRS created the patient [P28]. */
export const createdPatientAnswerSchema = z.object({ mrn: z.string() });

const tallySchema = z.object({
  captured: count,
  delivered: count,
  needsReview: count,
  notYet: count,
  voided: count,
});

/** `POST /api/v1/delivery/reconciliation {target, from, to}`: an incident's reconciliation [P28]. */
export const reconciliationAnswerSchema = z.object({
  from: z.string(),
  to: z.string(),
  byType: z.object({ visits: tallySchema, slips: tallySchema, assessments: tallySchema }),
  byUnit: z.array(z.object({ poliCode: z.string(), visits: tallySchema })),
  notDelivered: z.array(
    z.object({
      visitId: z.string(),
      queueNumber: z.string(),
      poliCode: z.string(),
      patientName: z.string(),
      mrn: z.optional(z.string()),
      tempNumber: z.optional(z.string()),
      arrivedAt: z.string(),
      status: z.enum(DELIVERY_ITEM_STATUSES),
      code: z.optional(z.string()),
      message: z.optional(z.string()),
    }),
  ),
});
export type ReconciliationAnswer = z.output<typeof reconciliationAnswerSchema>;

const stamp = z.object({ utc: z.string(), local: z.string() });

/** `POST /api/v1/delivery/worklist {from, to}`: the back-entry rows of an incident's window. */
export const worklistAnswerSchema = z.object({
  rows: z.array(
    z.object({
      rowId: z.string(),
      kind: z.enum(BACK_ENTRY_KINDS),
      at: stamp,
      visitId: z.string(),
      queueNumber: z.string(),
      poliCode: z.string(),
      doctorCode: z.string(),
      patientName: z.string(),
      mrn: z.optional(z.string()),
      tempNumber: z.optional(z.string()),
      details: z.record(z.string(), z.string()),
    }),
  ),
});
export type WorklistAnswer = z.output<typeof worklistAnswerSchema>;

import * as z from 'zod/mini';
import { rm12ContentSchema } from '../assessment/rm12Schema';
import { FACILITY_TIME_ZONES } from '../config/runtimeConfigSchema';
import { EVENT_SOURCES, ROLES } from '../events/envelope';
import { PATIENT_KINDS, SEXES } from '../events/patientEvents';
import { RETRIEVAL_SOURCES } from '../events/slipEvents';
import { payerSchema } from '../events/visitEvents';
import { QUEUE_STATUSES, SLIP_STATUSES } from '../projections/types';
import { SIMRS_DOCUMENT_VERSION } from './simrsDocument';

/**
 * The SIMRS REST contract (`docs/simrs-api.md`, `docs/simrs-api.openapi.json` generated from
 * these schemas): what a SIMRS checks in a request (the simulator does) and what the hub checks
 * in an answer. Objects are open: a SIMRS ignores fields it does not know, so later document
 * versions can add some without breaking it.
 */

const stampSchema = z.object({
  utc: z.iso.datetime({ offset: false }),
  local: z.iso.datetime({ offset: true }),
});
const optionalStamp = z.optional(stampSchema);
const id = z.string().check(z.minLength(1), z.maxLength(64));
const text = z.string().check(z.minLength(1));

export const simrsPatientSchema = z.looseObject({
  localId: id,
  kind: z.enum(PATIENT_KINDS),
  mrn: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
  tempNumber: z.optional(z.string()),
  nik: z.optional(z.string().check(z.regex(/^\d{16}$/))),
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  birthDate: z.optional(z.iso.date()),
  estimatedAgeYears: z.optional(z.number().check(z.int(), z.gte(0))),
  sex: z.enum(SEXES),
  phone: z.optional(z.string()),
  address: z.optional(z.string()),
  bpjsCardNo: z.optional(z.string()),
});

const timelineEntrySchema = z.looseObject({
  eventId: id,
  type: text,
  at: stampSchema,
  recordedAt: stampSchema,
  actor: z.looseObject({ name: text, role: z.enum(ROLES) }),
  deviceCode: text,
  source: z.enum(EVENT_SOURCES),
});

/** `POST /api/patients`: a new patient, to be given a medical-record number. */
export const simrsPatientBodySchema = z.object({ patient: simrsPatientSchema });

/** `PUT /api/visits/{localId}`: one visit with everything captured about it. */
export const simrsVisitBodySchema = z.looseObject({
  documentVersion: z.literal(SIMRS_DOCUMENT_VERSION),
  facility: z.looseObject({ code: text, timeZone: z.enum(FACILITY_TIME_ZONES) }),
  patient: simrsPatientSchema,
  visit: z.looseObject({
    localId: id,
    serviceDate: z.iso.date(),
    poliCode: text,
    doctorCode: text,
    visitType: z.enum(['baru', 'lama']),
    payer: payerSchema,
    queueNumber: text,
    status: z.enum(QUEUE_STATUSES),
    arrivedAt: stampSchema,
    registeredAt: stampSchema,
    serviceStartedAt: optionalStamp,
    serviceEndedAt: optionalStamp,
    cancelReason: z.optional(z.string()),
  }),
  timeline: z.array(timelineEntrySchema),
  bpjsTasks: z.array(
    z.looseObject({
      taskId: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(99)]),
      at: stampSchema,
      epochMs: z.number().check(z.int()),
      basis: text,
    }),
  ),
  slips: z.array(
    z.looseObject({
      localId: id,
      slipNo: text,
      status: z.enum(SLIP_STATUSES),
      requestedAt: stampSchema,
      retrievalSource: z.optional(z.enum(RETRIEVAL_SOURCES)),
      backupSnapshotDate: z.optional(z.iso.date()),
      rm12BlankIssued: z.optional(z.boolean()),
      sentAt: optionalStamp,
      receivedAt: optionalStamp,
      returnedAt: optionalStamp,
      /** Withdrawn with its cancelled visit before the folder left the records room. */
      cancelledAt: optionalStamp,
      cancelReason: z.optional(z.string()),
      trail: z.array(timelineEntrySchema),
    }),
  ),
  assessment: z.optional(
    z.looseObject({
      localId: id,
      version: z.number().check(z.int(), z.gte(1)),
      startedAt: stampSchema,
      completedAt: stampSchema,
      clinician: z.looseObject({ doctorCode: z.optional(z.string()), name: text }),
      signedBy: z.looseObject({ name: text, role: z.enum(ROLES) }),
      source: z.enum(EVENT_SOURCES),
      paperFormRef: z.optional(z.string()),
      content: rm12ContentSchema,
    }),
  ),
});

/** The SIMRS's answer to a new patient. */
export const simrsPatientAnswerSchema = z.object({ mrn: text, patientLocalId: id });
export type SimrsPatientAnswer = z.output<typeof simrsPatientAnswerSchema>;

/** The SIMRS's answer to a filed visit: its own visit number (no_rawat) and the patient's MRN. */
export const simrsVisitAnswerSchema = z.object({
  visitNumber: z.string().check(z.minLength(1), z.maxLength(40)),
  mrn: text,
  created: z.boolean(),
});
export type SimrsVisitAnswer = z.output<typeof simrsVisitAnswerSchema>;

/** `POST /api/patients/search`: by NIK, by birth date, or both (either matching). */
export const simrsPatientSearchBodySchema = z
  .object({
    nik: z.optional(z.string().check(z.regex(/^\d{16}$/))),
    birthDate: z.optional(z.iso.date()),
  })
  .check(z.refine((body) => Boolean(body.nik ?? body.birthDate)));

/** Its answer: patients the SIMRS already has (duplicate candidates), at most 50. */
export const simrsPatientSearchAnswerSchema = z.object({
  patients: z.array(
    z.object({
      mrn: text,
      nik: z.nullable(z.string()),
      name: text,
      birthDate: z.nullable(z.iso.date()),
      sex: z.enum(SEXES),
    }),
  ),
});

export type SimrsPatientMatch = z.output<typeof simrsPatientSearchAnswerSchema>['patients'][number];

/** Every refusal: a code to decide on, a message for the review list, the field when known. */
export const simrsErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.optional(z.string()) }),
});

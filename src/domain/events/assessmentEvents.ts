import * as z from 'zod/mini';
import { RM12_TEMPLATE, rm12ContentSchema } from '../assessment/rm12Schema';
import { Reason } from '../reasons';
import { eventSchema, isoDateTimeSchema, uuidSchema } from './envelope';

const clinicianSchema = z.strictObject({
  doctorCode: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,20}$/))),
  name: z.string().check(z.trim(), z.minLength(2, { error: Reason.Required }), z.maxLength(100)),
});

/**
 * A signed RM 1.2. The event's `occurredAt` is when the assessment was completed (BPJS task 5 when
 * the queue did not record an end); when transcribed from paper, the actor is the transcriber and
 * `recordedAt` the transcription time.
 */
const signedVersion = {
  visitId: uuidSchema,
  template: z.literal(RM12_TEMPLATE),
  version: z.number().check(z.int(), z.gte(1)),
  content: rm12ContentSchema,
  /** Start of the assessment: Encounter in-progress start, BPJS task 4 fallback. */
  startedAt: isoDateTimeSchema,
  completedAt: isoDateTimeSchema,
  clinician: clinicianSchema,
  /** The signer states the content is true: a signed version can only be amended, never edited. */
  attestation: z.literal(true, { error: Reason.AttestationRequired }),
  /** Where the paper original is kept when transcribed (e.g. "map poli anak 22/11"). */
  paperFormRef: z.optional(z.string().check(z.trim(), z.maxLength(100))),
};

export const assessmentSignedSchema = eventSchema('assessment.signed', z.strictObject(signedVersion));

export const assessmentAmendedSchema = eventSchema(
  'assessment.amended',
  z.strictObject({
    ...signedVersion,
    reason: z.string().check(z.trim(), z.minLength(3, { error: Reason.ReasonRequired }), z.maxLength(300)),
  }),
);

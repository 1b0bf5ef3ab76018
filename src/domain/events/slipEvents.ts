import * as z from 'zod/mini';
import { Reason } from '../reasons';
import { eventSchema, isoDateSchema, uuidSchema } from './envelope';
import { mrnSchema } from './patientEvents';
import { cancelReasonSchema } from './visitEvents';

/**
 * The record-request slip ("bon pencarian rekam medis"): registration asks the records room for a
 * returning patient's paper folder. Number: `BON-<device>-<yymmdd>-<3-digit sequence>`.
 */
export const SLIP_NUMBER_PATTERN = /^BON-[A-Z][A-Z0-9]{2}-\d{6}-\d{3}$/;

export const slipRequestedSchema = eventSchema(
  'slip.requested',
  z.strictObject({
    slipNo: z.string().check(z.regex(SLIP_NUMBER_PATTERN)),
    visitId: uuidSchema,
    patientId: uuidSchema,
    mrn: mrnSchema,
    poliCode: z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,20}$/)),
    serviceDate: isoDateSchema,
    /** Raised by the registration itself (the SOP's rule) rather than by hand. */
    automatic: z.boolean(),
  }),
);

export const RETRIEVAL_SOURCES = ['paper_folder', 'softcopy_resume', 'periodic_backup'] as const;
export type RetrievalSource = (typeof RETRIEVAL_SOURCES)[number];

export const slipFoundSchema = eventSchema(
  'slip.found',
  z
    .strictObject({
      source: z.enum(RETRIEVAL_SOURCES),
      /** How old the history is when it came from a periodic backup. */
      backupSnapshotDate: z.optional(isoDateSchema),
      note: z.optional(z.string().check(z.trim(), z.maxLength(200))),
    })
    .check(
      z.superRefine((found, ctx) => {
        if (found.source === 'periodic_backup' && !found.backupSnapshotDate) {
          ctx.issues.push({
            code: 'custom',
            path: ['backupSnapshotDate'],
            message: Reason.BackupDateRequired,
            input: found,
          });
        }
      }),
    ),
);

const notePayload = z.strictObject({ note: z.optional(z.string().check(z.trim(), z.maxLength(200))) });

export const slipNotFoundSchema = eventSchema('slip.not_found', notePayload);
export const slipSentSchema = eventSchema(
  'slip.sent',
  z.strictObject({
    /** A blank RM 1.2 form went to the poli with the folder (the SOP's step). */
    rm12BlankIssued: z.boolean(),
    note: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  }),
);
export const slipReceivedSchema = eventSchema('slip.received', notePayload);
export const slipReturnedSchema = eventSchema('slip.returned', notePayload);

/**
 * The slip is withdrawn because its visit was cancelled before the folder left the records room:
 * recorded with the visit's cancellation, in the same command, with the same reason.
 */
export const slipCancelledSchema = eventSchema(
  'slip.cancelled',
  z.strictObject({ reason: cancelReasonSchema }),
);

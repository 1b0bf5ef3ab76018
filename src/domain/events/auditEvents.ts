import * as z from 'zod/mini';
import { eventSchema, uuidSchema } from './envelope';

/**
 * What the audit trail records besides the captured facts themselves (every correction is
 * already an event with its actor): who looked at, printed or exported what, and sign-ins.
 */
export const AUDIT_ACTIONS = [
  'visit_viewed',
  'assessment_viewed',
  'printed',
  'backup_exported',
  'backup_imported',
  'signed_in',
  'signed_out',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const PRINTED_DOCUMENTS = [
  'ticket',
  'registration_summary',
  'slip',
  'rm12',
  'downtime_report',
  'reconciliation_report',
  'back_entry_worklist',
] as const;
export type PrintedDocument = (typeof PRINTED_DOCUMENTS)[number];

/** `entityId` is the audit entry's own id. No patient names: ids point to what was touched. */
export const auditRecordedSchema = eventSchema(
  'audit.recorded',
  z.strictObject({
    action: z.enum(AUDIT_ACTIONS),
    visitId: z.optional(uuidSchema),
    patientId: z.optional(uuidSchema),
    document: z.optional(z.enum(PRINTED_DOCUMENTS)),
    /** Counts for exports and imports, e.g. "12 events". */
    count: z.optional(z.number().check(z.int(), z.gte(0))),
  }),
);

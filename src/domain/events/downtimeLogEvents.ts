import * as z from 'zod/mini';
import { downtimeLogRowSchema, REPORT_MONTH_PATTERN } from '../incidents/downtimeReport';
import { DowntimeQuirk } from '../incidents/downtimeLogImport';
import { eventSchema } from './envelope';

/** A past monthly log has at most this many rows (the seed's have four or five). */
export const MAX_IMPORTED_LOG_ROWS = 500;

/**
 * One row of a past log as the person accepted it: the row (as printed, or as they fixed it) and
 * the quirks they accepted as printed, so the report can say which rows were taken on trust.
 */
export const importedLogRowSchema = z.strictObject({
  ...downtimeLogRowSchema.shape,
  /** The file line it came from. */
  line: z.number().check(z.int(), z.gte(1)),
  /** Cells the person changed from what was printed. */
  fixed: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(10))),
  acceptedQuirks: z.optional(z.array(z.enum(Object.values(DowntimeQuirk))).check(z.maxLength(10))),
});
export type ImportedLogRow = z.output<typeof importedLogRowSchema>;

/**
 * A hospital's past monthly downtime log brought into Siaga (one event per sheet; `entityId` is
 * the sheet's id), so its history joins the reports.
 */
export const downtimeLogImportedSchema = eventSchema(
  'downtime_log.imported',
  z.strictObject({
    month: z.string().check(z.regex(REPORT_MONTH_PATTERN)),
    fileName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    rows: z.array(importedLogRowSchema).check(z.minLength(1), z.maxLength(MAX_IMPORTED_LOG_ROWS)),
  }),
);

/** A sheet imported by mistake (wrong month, wrong file) taken out of the reports. */
export const downtimeLogWithdrawnSchema = eventSchema(
  'downtime_log.withdrawn',
  z.strictObject({ reason: z.string().check(z.trim(), z.minLength(3), z.maxLength(500)) }),
);

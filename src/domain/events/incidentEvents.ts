import * as z from 'zod/mini';
import { SOP_STEP_ID_PATTERN } from '../config/runtimeConfigSchema';
import { eventSchema, isoDateTimeSchema } from './envelope';

/**
 * Downtime incidents (DOMAIN.md §7.5): one per outage of the SIMRS, opened automatically when the
 * hub or the device sees the SIMRS unreachable, or by hand; closed when a person confirms the SIMRS
 * is back. `entityId` is the incident's id. The number (`DT-<yyyyMM>-<seq>`) is derived, never
 * stored (see `incidents/incidentRules.ts`).
 */
export const INCIDENT_DETECTIONS = ['automatic', 'manual'] as const;
export type IncidentDetection = (typeof INCIDENT_DETECTIONS)[number];

/** One PC, one unit, or the whole hospital (SOP: "check whether other computers have the same problem"). */
export const INCIDENT_SCOPES = ['single_pc', 'unit', 'hospital'] as const;
export type IncidentScope = (typeof INCIDENT_SCOPES)[number];

export const INCIDENT_CAUSES = [
  'power',
  'network',
  'server',
  'application',
  'planned_maintenance',
  'cyber',
  'unknown',
] as const;
export type IncidentCause = (typeof INCIDENT_CAUSES)[number];

const text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
const unit = text(1, 100);
const personName = text(2, 100);
const note = z.optional(text(1, 200));
const stepId = z.string().check(z.regex(SOP_STEP_ID_PATTERN));

export const incidentOpenedSchema = eventSchema(
  'incident.opened',
  z.strictObject({
    detection: z.enum(INCIDENT_DETECTIONS),
    /** When the outage was noticed (the hub's `since` for an automatic one). */
    detectedAt: isoDateTimeSchema,
    /** The reporting unit (registration, a poli, records, pharmacy…). */
    unit,
    scope: z.enum(INCIDENT_SCOPES),
    /** `unknown` for an automatic opening until a person knows better. */
    cause: z.enum(INCIDENT_CAUSES),
    /** A drill: everything captured under it is drill data. */
    drill: z.boolean(),
    note,
  }),
);

/** Fields a person fills in as the incident unfolds; each one set replaces the previous value. */
export const incidentUpdatedSchema = eventSchema(
  'incident.updated',
  z
    .strictObject({
      unit: z.optional(unit),
      scope: z.optional(z.enum(INCIDENT_SCOPES)),
      cause: z.optional(z.enum(INCIDENT_CAUSES)),
      /** The SIMRS technician was called (Waktu Permintaan). */
      requestedAt: z.optional(isoDateTimeSchema),
      /** The technician responded (Waktu Respon). */
      respondedAt: z.optional(isoDateTimeSchema),
      technician: z.optional(personName),
      /** Who reported the outage to the technician (the log's reporter). */
      reporter: z.optional(personName),
      /** Uraian Pekerjaan: what was done. */
      workDescription: z.optional(text(1, 1000)),
      /** Switched over to the backup server (SOP: after one hour without repair). */
      failoverAt: z.optional(isoDateTimeSchema),
    })
    .check(z.refine((fields) => Object.values(fields).some((value) => value !== undefined))),
);

/** A step of the SOP checklist done; the event's actor and `occurredAt` say who and when. */
export const incidentStepDoneSchema = eventSchema(
  'incident.step_done',
  z.strictObject({ stepId, unit: z.optional(unit), note }),
);

/** A tick withdrawn (ticked by mistake). */
export const incidentStepUndoneSchema = eventSchema(
  'incident.step_undone',
  z.strictObject({ stepId, unit: z.optional(unit) }),
);

/** The SIMRS is back, confirmed by a person. */
export const incidentClosedSchema = eventSchema(
  'incident.closed',
  z.strictObject({ restoredAt: isoDateTimeSchema, confirmedBy: personName }),
);

/**
 * A closed drill's practice data removed from every device and the hub (decision 0005): the
 * events captured under it are deleted; the drill itself, its checklist and its times stay.
 */
export const incidentDrillClearedSchema = eventSchema('incident.drill_cleared', z.strictObject({}));

const tally = z.number().check(z.int(), z.gte(0));

/**
 * The recovery officer signs that the SIMRS holds what the incident produced (issue 7): the
 * reconciliation report's totals as they stood, and why anything is still missing.
 */
export const incidentReconciledSchema = eventSchema(
  'incident.reconciled',
  z.strictObject({
    target: z.string().check(z.minLength(1), z.maxLength(32)),
    visits: tally,
    delivered: tally,
    notDelivered: tally,
    voided: tally,
    note: z.optional(text(1, 500)),
  }),
);

/**
 * A row of the incident's back-entry worklist typed into the SIMRS (`done`), or unticked again
 * after a slip of the finger. The latest mark of a row counts.
 */
export const incidentBackEntryMarkedSchema = eventSchema(
  'incident.backentry_marked',
  z.strictObject({
    rowId: z.string().check(z.regex(/^[0-9a-f-]{36}:[a-z_]+(:[0-9a-f-]{36})?$/)),
    done: z.boolean(),
  }),
);

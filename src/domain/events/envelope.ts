import * as z from 'zod/mini';
import { UUID_V7_PATTERN } from '@/lib/ids';
import { FACILITY_TIME_ZONES } from '../config/runtimeConfigSchema';
import { DEVICE_CODE_PATTERN } from '../identifiers/tempNumber';
import { Reason } from '../reasons';

/** Who may do what is the security issue's; every event already says which role acted. */
export const ROLES = ['registration', 'records', 'clinician', 'recovery', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const uuidSchema = z.string().check(z.regex(UUID_V7_PATTERN));
export const isoDateTimeSchema = z.iso.datetime({ offset: true, error: Reason.InvalidTime });
export const isoDateSchema = z.iso.date({ error: Reason.InvalidDate });

export const actorSchema = z.strictObject({
  userId: z.string().check(z.minLength(1), z.maxLength(64)),
  name: z.string().check(z.trim(), z.minLength(2), z.maxLength(100)),
  role: z.enum(ROLES),
});
export type Actor = z.output<typeof actorSchema>;

/** `direct`: typed as it happened. `transcribed_from_paper`: entered later from a paper form. */
export const EVENT_SOURCES = ['direct', 'transcribed_from_paper'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** Whether `occurredAt` came from the device clock at capture or was typed by a person. */
export const TIME_SOURCES = ['device_clock', 'manual_entry'] as const;
export type TimeSource = (typeof TIME_SOURCES)[number];

/**
 * The device clock's offset from the hub's at the last contact before capture (filled by the
 * sync engine); `null` until the device has talked to a hub.
 */
export const clockReadingSchema = z.strictObject({
  offsetMs: z.nullable(z.number()),
  measuredAt: z.nullable(isoDateTimeSchema),
});

export const EVENT_SCHEMA_VERSION = 1;

const base64Url = (length: number) => z.string().check(z.regex(/^[A-Za-z0-9_-]+$/), z.length(length));

/**
 * A signature over the event's signed form (decision 0010): `keyId` names the key (SHA-256 of its
 * public half), `value` is the ECDSA P-256 signature.
 */
export const eventSignatureSchema = z.strictObject({ keyId: base64Url(43), value: base64Url(86) });
export type EventSignature = z.output<typeof eventSignatureSchema>;

/** Fields every event carries, whatever its type. */
export const envelopeShape = {
  id: uuidSchema,
  entityId: uuidSchema,
  /** When it really happened, in the facility zone's offset. Never replaced by "now". */
  occurredAt: isoDateTimeSchema,
  /** When it was typed on the device. */
  recordedAt: isoDateTimeSchema,
  timeZone: z.enum(FACILITY_TIME_ZONES),
  deviceId: uuidSchema,
  deviceCode: z.string().check(z.regex(DEVICE_CODE_PATTERN)),
  actor: actorSchema,
  source: z.enum(EVENT_SOURCES),
  timeSource: z.enum(TIME_SOURCES),
  clock: clockReadingSchema,
  schemaVersion: z.literal(EVENT_SCHEMA_VERSION),
  /** Set on a correcting event: the id of the event (refused by the hub) it replaces. */
  corrects: z.optional(uuidSchema),
  /**
   * Practice data: the id of the drill incident this event was captured under (decision 0005).
   * Never delivered to a SIMRS; removed everywhere when the drill is cleared.
   */
  drillId: z.optional(uuidSchema),
  /**
   * The person who made it, by their signing key [P32]. Optional only in the schema, for events
   * stored before signing existed: the hub refuses an unsigned event.
   */
  signature: z.optional(eventSignatureSchema),
  /** The device it was made on, by the device's key [P33]: checked when another device relays it. */
  deviceSignature: z.optional(eventSignatureSchema),
};

/** An event schema: the envelope, a literal type, and the type's payload. */
export function eventSchema<T extends string, P extends z.core.$ZodType>(type: T, payload: P) {
  return z.strictObject({ ...envelopeShape, type: z.literal(type), payload });
}

export type Envelope = {
  [K in keyof typeof envelopeShape]: z.output<(typeof envelopeShape)[K]>;
};

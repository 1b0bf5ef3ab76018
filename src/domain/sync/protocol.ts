import * as z from 'zod/mini';
import { ROLES } from '../events/envelope';

/** Caps of one `POST /api/v1/events` [P4]. */
export const MAX_BATCH_EVENTS = 1_000;
export const MAX_BATCH_BYTES = 2 * 1024 * 1024;
/** Page sizes of `GET /api/v1/events` [P10]. */
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 1_000;

export const enrollRequestSchema = z.strictObject({
  code: z.string().check(z.trim(), z.minLength(4), z.maxLength(40)),
  deviceId: z.string().check(z.regex(/^[0-9a-f-]{36}$/)),
  deviceCode: z.string().check(z.regex(/^[A-Z][A-Z0-9]{2}$/)),
  /** The device's public signing key [P33] (raw P-256, base64url). */
  signingKey: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{87}$/))),
});
export type EnrollRequest = z.output<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  /** Push and pull [P1]. */
  token: z.string().check(z.minLength(20)),
  /** Push only [P20]: kept readable on the device so a locked screen does not stop sending. */
  pushToken: z.string().check(z.minLength(20)),
  /** The hub's P-256 public key (raw, base64url): devices seal events and keys to it [P20]. */
  hubPublicKey: z.string().check(z.minLength(40)),
  deviceId: z.string(),
  deviceCode: z.string(),
  hubId: z.string(),
});
export type EnrollResponse = z.output<typeof enrollResponseSchema>;

/** `POST /api/v1/usernames/check` [P29]: may a new account take this username? */
export const usernameCheckResponseSchema = z.object({ available: z.boolean() });
export type UsernameCheckResponse = z.output<typeof usernameCheckResponseSchema>;

/** A sealed box as it travels: ephemeral public key, IV and ciphertext, base64url [P20]. */
export const sealedBoxSchema = z.strictObject({
  epk: z.string().check(z.regex(/^[A-Za-z0-9_-]{80,100}$/)),
  iv: z.string().check(z.regex(/^[A-Za-z0-9_-]{16}$/)),
  ct: z.string().check(z.regex(/^[A-Za-z0-9_-]+$/)),
});

/** An event pushed sealed to the hub's key: the hub opens it, then checks it as any other [P20]. */
export const sealedEventItemSchema = z.strictObject({ id: z.string(), sealed: sealedBoxSchema });
export type SealedEventItem = z.output<typeof sealedEventItemSchema>;

export const pushResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.nullable(z.string()), status: z.literal('accepted') }),
  z.object({ id: z.nullable(z.string()), status: z.literal('duplicate') }),
  z.object({ id: z.nullable(z.string()), status: z.literal('conflict') }),
  z.object({
    id: z.nullable(z.string()),
    status: z.literal('rejected'),
    code: z.string(),
    message: z.string(),
    field: z.optional(z.string()),
  }),
]);
export type PushResult = z.output<typeof pushResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(pushResultSchema),
  serverTime: z.iso.datetime({ offset: true }),
});
export type PushResponse = z.output<typeof pushResponseSchema>;

export const pullResponseSchema = z.object({
  /** Validated one by one with the event schema, so one bad event cannot hide the others. */
  events: z.array(z.unknown()),
  cursor: z.string(),
  more: z.boolean(),
  serverTime: z.iso.datetime({ offset: true }),
});
export type PullResponse = z.output<typeof pullResponseSchema>;

export const hubErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

/**
 * `<hubId>.<sequence>` [P10], or `<hubId>.<sequence>.<profileVersion>` once IT has changed the
 * pulling device's profile [P47]: opaque to devices, parsed only by the hub. Version 0 (never
 * changed) is written without its part, so cursors from before profiles stay valid.
 */
export function formatCursor(hubId: string, seq: number, profileVersion = 0): string {
  return profileVersion === 0 ? `${hubId}.${seq}` : `${hubId}.${seq}.${profileVersion}`;
}

export function parseCursor(
  cursor: string,
): { hubId: string; seq: number; profileVersion: number } | undefined {
  const match = /^([0-9a-f]{32})\.(\d{1,15})(?:\.([1-9]\d{0,8}))?$/.exec(cursor);
  return match
    ? { hubId: match[1]!, seq: Number(match[2]), profileVersion: match[3] ? Number(match[3]) : 0 }
    : undefined;
}

/** `POST /api/v1/device-key/release` answer [P22]: the account and the data key sealed to the device. */
export const keyReleaseResponseSchema = z.object({
  user: z.object({
    userId: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    active: z.boolean(),
  }),
  sealed: sealedBoxSchema,
  /**
   * The person's signing key as the hub keeps it: AES-GCM under the wrapping key of their
   * passphrase with these KDF parameters [P34]; only their passphrase opens it.
   */
  signing: z.optional(
    z.object({
      kdf: z.object({ algorithm: z.literal('PBKDF2-SHA256'), iterations: z.number(), salt: z.string() }),
      iv: z.string(),
      ct: z.string(),
      publicKey: z.string(),
    }),
  ),
});
export type KeyReleaseResponse = z.output<typeof keyReleaseResponseSchema>;

/** Associated data of sealed boxes [P20, P22]: each box opens only for the purpose it was made for. */
export const sealedEventAad = (eventId: string) => `event|${eventId}`;
export const escrowAad = (deviceId: string) => `escrow|${deviceId}`;
export const releaseAad = (deviceId: string, userId: string) => `release|${deviceId}|${userId}`;

/** Devices count as active this long after their last call with a token [P25]. */
export const ACTIVE_DEVICE_WINDOW_MINUTES = 10;

/** `GET /api/v1/devices/summary` [P25]: how many devices the hub has enrolled, how many are in contact. */
export const deviceSummarySchema = z.object({
  enrolled: z.number().check(z.int(), z.gte(0)),
  active: z.number().check(z.int(), z.gte(0)),
  activeWindowMinutes: z.number().check(z.int(), z.gte(1)),
  serverTime: z.iso.datetime({ offset: true }),
});
export type DeviceSummary = z.output<typeof deviceSummarySchema>;

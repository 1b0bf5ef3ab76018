import * as z from 'zod/mini';
import { canonicalJson } from '@/lib/canonicalJson';
import { digestBase64Url } from '@/lib/crypto/digest';
import { Reason } from '../reasons';
import { eventSchema, ROLES } from './envelope';
import { personNameSchema } from './patientEvents';

/** Sign-in names: lower case, 3–32 characters, starting with a letter (e.g. `rina.p`, `it-pd1`). */
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;

export const usernameSchema = z
  .string()
  .check(z.trim(), z.toLowerCase(), z.regex(USERNAME_PATTERN, { error: Reason.UsernameFormat }));

const base64Url = (min: number, max: number) =>
  z.string().check(z.regex(/^[A-Za-z0-9_-]+$/), z.minLength(min), z.maxLength(max));

/**
 * What the hub needs to check a sign-in (device first sign-in, hub admin): the KDF parameters and
 * a verifier derived from the passphrase. It does not give the key that wraps a device's data.
 */
export const passphraseVerifierSchema = z.strictObject({
  kdf: z.strictObject({
    algorithm: z.literal('PBKDF2-SHA256'),
    iterations: z.number().check(z.int(), z.gte(600_000), z.lte(10_000_000)),
    salt: base64Url(22, 86),
  }),
  verifier: base64Url(43, 43),
  /**
   * The account's private signing key (PKCS#8), AES-GCM under the wrapping key of the same
   * derivation (associated data `signing|<userId>`): the hub hands it to the person's first
   * sign-in on another device [P22, P34] and can open it no more than it can the passphrase.
   */
  signingKeyBox: z.optional(z.strictObject({ iv: base64Url(16, 16), ct: base64Url(100, 400) })),
});
export type PassphraseVerifier = z.output<typeof passphraseVerifierSchema>;

/** A public signing key: the raw P-256 point, base64url [P32]. */
export const signingPublicKeySchema = base64Url(87, 87);

/**
 * The secret part of an account event travels to the hub only [P34]: the hub keeps it in its
 * account table and stores and relays the event without it. The event keeps its SHA-256
 * (`credentialsDigest`), so the signature still covers exactly what was sent. Events from
 * before signing carry `credentials` alone.
 */
const secretShape = {
  credentials: z.optional(passphraseVerifierSchema),
  credentialsDigest: z.optional(base64Url(43, 43)),
};

const hasSecretOrDigest = z.superRefine(
  (payload: { credentials?: unknown; credentialsDigest?: unknown }, ctx) => {
    if (payload.credentials === undefined && payload.credentialsDigest === undefined)
      ctx.issues.push({ code: 'custom', path: ['credentials'], message: Reason.Required, input: payload });
  },
);

/** The account secrets' fingerprint: SHA-256 of their canonical JSON, base64url. */
export async function credentialsDigest(credentials: PassphraseVerifier): Promise<string> {
  return digestBase64Url(canonicalJson(credentials));
}

/** An account is created by an admin, on the hub or on a device; `entityId` is the user's id. */
export const userCreatedSchema = eventSchema(
  'user.created',
  z
    .strictObject({
      username: usernameSchema,
      displayName: personNameSchema,
      role: z.enum(ROLES),
      /** The account's public signing key [P32]; absent only in accounts made before signing. */
      signingKey: z.optional(signingPublicKeySchema),
      ...secretShape,
    })
    .check(hasSecretOrDigest),
);

/** A change of name, role or status (deactivated accounts cannot sign in anywhere). */
export const userChangedSchema = eventSchema(
  'user.changed',
  z.strictObject({
    displayName: z.optional(personNameSchema),
    role: z.optional(z.enum(ROLES)),
    active: z.optional(z.boolean()),
  }),
);

/**
 * A new passphrase: set by the user (signed by their own key, which only their passphrase opens:
 * the proof of the old one), or reset by an admin, who cannot open the old key and so gives the
 * account a new signing key [P34].
 */
export const userPassphraseSetSchema = eventSchema(
  'user.passphrase_set',
  z.strictObject({ signingKey: z.optional(signingPublicKeySchema), ...secretShape }).check(hasSecretOrDigest),
);

import * as z from 'zod/mini';
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
});
export type PassphraseVerifier = z.output<typeof passphraseVerifierSchema>;

/** An account is created by an admin, on the hub or on a device; `entityId` is the user's id. */
export const userCreatedSchema = eventSchema(
  'user.created',
  z.strictObject({
    username: usernameSchema,
    displayName: personNameSchema,
    role: z.enum(ROLES),
    credentials: passphraseVerifierSchema,
  }),
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

/** A new passphrase: set by the user, or reset by an admin. */
export const userPassphraseSetSchema = eventSchema(
  'user.passphrase_set',
  z.strictObject({ credentials: passphraseVerifierSchema }),
);

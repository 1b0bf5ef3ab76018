import * as z from 'zod/mini';
import { deviceProfileSchema } from './deviceProfile';

// Answers of the hub's admin endpoints the PWA reads [P23, P45], validated at the boundary like
// every other hub answer. Loaded with the settings screen only.

export const adminSessionAnswerSchema = z.object({
  token: z.string().check(z.minLength(20)),
  expiresAt: z.string(),
  idleExpiresAt: z.string(),
});
export type AdminSessionAnswer = z.output<typeof adminSessionAnswerSchema>;

export const hubDeviceSchema = z.object({
  deviceId: z.string(),
  deviceCode: z.string(),
  enrolledAt: z.string(),
  lastSeenAt: z.nullable(z.string()),
  revoked: z.boolean(),
  revokedAt: z.nullable(z.string()),
  profile: deviceProfileSchema,
});
export type HubDevice = z.output<typeof hubDeviceSchema>;

export const hubDevicesAnswerSchema = z.object({ devices: z.array(hubDeviceSchema) });
export const hubDeviceAnswerSchema = z.object({ device: hubDeviceSchema });

export const issuedCodeAnswerSchema = z.object({
  code: z.string().check(z.minLength(4)),
  expiresAt: z.string(),
  profile: deviceProfileSchema,
});
export type IssuedCode = z.output<typeof issuedCodeAnswerSchema>;

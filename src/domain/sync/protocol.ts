import * as z from 'zod/mini';

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
});
export type EnrollRequest = z.output<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  token: z.string().check(z.minLength(20)),
  deviceId: z.string(),
  deviceCode: z.string(),
  hubId: z.string(),
});
export type EnrollResponse = z.output<typeof enrollResponseSchema>;

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

/** `<hubId>.<sequence>` [P10]: opaque to devices, parsed only by the hub. */
export function formatCursor(hubId: string, seq: number): string {
  return `${hubId}.${seq}`;
}

export function parseCursor(cursor: string): { hubId: string; seq: number } | undefined {
  const match = /^([0-9a-f]{32})\.(\d{1,15})$/.exec(cursor);
  return match ? { hubId: match[1]!, seq: Number(match[2]) } : undefined;
}

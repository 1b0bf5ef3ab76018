import * as z from 'zod/mini';

export const SIMRS_STATUSES = ['up', 'down', 'unknown'] as const;

/** `GET /api/v1/health` [P12]: what the hub says about itself and the SIMRS. Devices validate it. */
export const hubHealthSchema = z.object({
  status: z.literal('ok'),
  /** The hub's clock, ISO 8601 with offset; devices measure their clock offset against it. */
  serverTime: z.iso.datetime({ offset: true }),
  version: z.string().check(z.minLength(1)),
  hubId: z.optional(z.string()),
  simrs: z.optional(
    z.object({
      status: z.enum(SIMRS_STATUSES),
      since: z.iso.datetime({ offset: true }),
      checkedAt: z.nullable(z.iso.datetime({ offset: true })),
    }),
  ),
});

export type HubHealth = z.output<typeof hubHealthSchema>;

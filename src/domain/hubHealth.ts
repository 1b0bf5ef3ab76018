import * as z from 'zod/mini';

/** `GET /api/v1/health`: what the hub says about itself. The device validates every answer. */
export const hubHealthSchema = z.object({
  status: z.literal('ok'),
  /** The hub's clock, ISO 8601 with offset; devices measure their clock offset against it. */
  serverTime: z.iso.datetime({ offset: true }),
  version: z.string().check(z.minLength(1)),
});

export type HubHealth = z.output<typeof hubHealthSchema>;

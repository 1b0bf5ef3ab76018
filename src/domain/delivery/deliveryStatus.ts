import * as z from 'zod/mini';

/**
 * `GET /api/v1/delivery`: how delivery to each target stands, for the recovery console. No
 * patient data and no credentials: counts, reasons and who started or paused it.
 */
export const DELIVERY_ITEM_STATUSES = [
  'pending',
  'delivered',
  'retrying',
  'needs_review',
  'waiting',
] as const;

const count = z.number().check(z.int(), z.gte(0));

export const deliveryTargetStatusSchema = z.object({
  name: z.string(),
  label: z.string(),
  adapter: z.string(),
  state: z.enum(['paused', 'running']),
  changedAt: z.nullable(z.string()),
  changedBy: z.nullable(z.string()),
  counts: z.record(z.enum(DELIVERY_ITEM_STATUSES), count),
  failures: z.array(
    z.object({
      status: z.enum(['retrying', 'needs_review']),
      code: z.string(),
      message: z.string(),
      count,
    }),
  ),
  lastDeliveredAt: z.nullable(z.string()),
  /** Visits delivered per minute over the last ten minutes. */
  perMinute: z.number(),
  /** At that rate, how long what is due still takes; `null` when nothing moves. */
  secondsLeft: z.nullable(z.number()),
});
export type DeliveryTargetStatus = z.output<typeof deliveryTargetStatusSchema>;

export const deliveryStatusSchema = z.object({
  targets: z.array(deliveryTargetStatusSchema),
  serverTime: z.string(),
});
export type DeliveryStatus = z.output<typeof deliveryStatusSchema>;

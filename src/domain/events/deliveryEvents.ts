import * as z from 'zod/mini';
import { eventSchema } from './envelope';

/** A delivery target's name in the hub's `delivery.json` (`simrs`, `satusehat`…). */
export const DELIVERY_TARGET_PATTERN = /^[a-z][a-z0-9-]{1,31}$/;
const targetSchema = z.string().check(z.regex(DELIVERY_TARGET_PATTERN));

/**
 * A person with the recovery role lets the hub deliver to a target (after the SIMRS is back), or
 * holds it. `entityId` is the event's own id: the hub applies the latest by real time.
 */
export const deliveryStartedSchema = eventSchema(
  'delivery.started',
  z.strictObject({ target: targetSchema }),
);

/**
 * Sends again what the target refused (all of it, or the refusals with one reason) once the
 * cause is fixed: a mapped poli, a patient registered in the MPI. Only items refused before it.
 */
export const deliveryRetriedSchema = eventSchema(
  'delivery.retried',
  z.strictObject({ target: targetSchema, code: z.optional(z.string().check(z.regex(/^[a-z0-9_]{1,64}$/))) }),
);

export const deliveryPausedSchema = eventSchema(
  'delivery.paused',
  z.strictObject({
    target: targetSchema,
    reason: z.optional(z.string().check(z.trim(), z.maxLength(300))),
  }),
);

import * as z from 'zod/mini';
import { Reason } from '../reasons';
import { eventSchema, uuidSchema } from './envelope';

/**
 * Withdraws an event a person decided should not stand (typically one the hub refused), with a
 * reason. The voided event stays in the journal; projections leave it out. `entityId` is the
 * voided event's entity.
 */
export const eventVoidedSchema = eventSchema(
  'event.voided',
  z.strictObject({
    eventId: uuidSchema,
    /** The voided event's type: tells which projection it belonged to. */
    eventType: z.string().check(z.regex(/^[a-z]+\.[a-z_]+$/)),
    reason: z.string().check(z.trim(), z.minLength(3, { error: Reason.ReasonRequired }), z.maxLength(300)),
  }),
);

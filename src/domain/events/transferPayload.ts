import * as z from 'zod/mini';
import { domainEventSchema, type DomainEvent } from './domainEvent';

/**
 * Events carried on paper from a device to another with no network between them: a printed
 * slip's QR code holds the slip, its visit and its patient, so the records room can take it
 * over. The text is `SIAGA1:` followed by the compressed JSON.
 */
export const TRANSFER_PREFIX = 'SIAGA1:';

export const transferPayloadSchema = z.strictObject({
  v: z.literal(1),
  events: z.array(domainEventSchema).check(z.minLength(1), z.maxLength(50)),
});
export type TransferPayload = z.output<typeof transferPayloadSchema>;

/** The events a slip's QR code carries: the patient, the visit registration, the slip's trail. */
export function eventsForSlipTransfer(events: readonly DomainEvent[]): DomainEvent[] {
  return events.filter(
    (event) =>
      event.type.startsWith('patient.') ||
      event.type === 'visit.registered' ||
      event.type.startsWith('slip.'),
  );
}

import * as z from 'zod/mini';
import { Reason } from '../reasons';
import { eventSchema, isoDateSchema, isoDateTimeSchema, uuidSchema } from './envelope';
import { bpjsCardSchema } from './patientEvents';

const code = z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,20}$/));

export const payerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('umum') }),
  z.strictObject({
    type: z.literal('bpjs'),
    cardNo: bpjsCardSchema,
    /** Mobile JKN booking code, when the patient booked through the app. */
    bookingCode: z.optional(
      z.string().check(z.regex(/^[A-Za-z0-9-]{4,30}$/, { error: Reason.InvalidFormat })),
    ),
    /** Referral (rujukan) or control-letter number. */
    referralNo: z.optional(
      z.string().check(z.regex(/^[A-Za-z0-9./-]{4,30}$/, { error: Reason.InvalidFormat })),
    ),
  }),
  z.strictObject({
    type: z.literal('asuransi'),
    insurerName: z
      .string()
      .check(z.trim(), z.minLength(2, { error: Reason.InsurerRequired }), z.maxLength(100)),
    policyNo: z.optional(z.string().check(z.trim(), z.maxLength(50))),
  }),
]);
export type Payer = z.output<typeof payerSchema>;

/**
 * A queue ticket number: poli prefix, the issuing device's code, and that device's daily sequence
 * for the poli — `A-PD1-012`. Two desks working offline can never print the same number.
 */
export const ticketSchema = z.strictObject({
  prefix: z.string().check(z.regex(/^[A-Z]{1,2}$/)),
  deviceCode: z.string().check(z.regex(/^[A-Z][A-Z0-9]{2}$/)),
  sequence: z.number().check(z.int(), z.gte(1), z.lte(999)),
});
export type Ticket = z.output<typeof ticketSchema>;

export function ticketLabel(ticket: Ticket): string {
  return `${ticket.prefix}-${ticket.deviceCode}-${String(ticket.sequence).padStart(3, '0')}`;
}

export const visitRegisteredSchema = eventSchema(
  'visit.registered',
  z.strictObject({
    patientId: uuidSchema,
    poliCode: code,
    doctorCode: code,
    /** `baru`: first visit to the hospital; `lama`: returning patient (needs the paper record). */
    visitType: z.enum(['baru', 'lama']),
    payer: payerSchema,
    ticket: ticketSchema,
    /** The facility date the visit belongs to (date of `arrivedAt` in the facility zone). */
    serviceDate: isoDateSchema,
    /** Arrival at the desk: BPJS task 1 for new patients, Encounter `arrived` start. */
    arrivedAt: isoDateTimeSchema,
    /** Registration service started: BPJS task 2 for new patients. */
    admissionStartedAt: z.optional(isoDateTimeSchema),
  }),
);

const reasonText = z
  .string()
  .check(z.trim(), z.minLength(3, { error: Reason.ReasonRequired }), z.maxLength(300));

export const visitCancelledSchema = eventSchema('visit.cancelled', z.strictObject({ reason: reasonText }));

/** Queue actions on a visit's poli ticket. Each is its own event with its real time and actor. */
export const QUEUE_ACTIONS = [
  'called',
  'recalled',
  'skipped',
  'service_started',
  'service_ended',
  'no_show',
] as const;
export type QueueAction = (typeof QUEUE_ACTIONS)[number];

const queuePayload = z.strictObject({ note: z.optional(z.string().check(z.trim(), z.maxLength(200))) });

export const queueCalledSchema = eventSchema('queue.called', queuePayload);
export const queueRecalledSchema = eventSchema('queue.recalled', queuePayload);
export const queueSkippedSchema = eventSchema('queue.skipped', queuePayload);
export const queueServiceStartedSchema = eventSchema('queue.service_started', queuePayload);
export const queueServiceEndedSchema = eventSchema('queue.service_ended', queuePayload);
export const queueNoShowSchema = eventSchema('queue.no_show', queuePayload);

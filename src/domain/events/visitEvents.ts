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
 * A queue ticket: the poli's letter and a number the issuing desk can never repeat that day for
 * that poli. A desk with a number block of its own (`series`, decision 0009) prints a short label,
 * `A-012` (series 0) or `A-1012` (series 1): the series keeps two desks working apart from ever
 * issuing the same number. A desk without one (and every ticket issued before series existed)
 * carries its device code instead: `A-PD1-012`.
 */
export const ticketSchema = z.strictObject({
  prefix: z.string().check(z.regex(/^[A-Z]{1,2}$/)),
  deviceCode: z.string().check(z.regex(/^[A-Z][A-Z0-9]{2}$/)),
  /** The desk's daily count for the poli, 1–999. */
  sequence: z.number().check(z.int(), z.gte(1), z.lte(999)),
  /** The desk's number block, 0–9: the ticket's number is series × 1000 + sequence. */
  series: z.optional(z.number().check(z.int(), z.gte(0), z.lte(9))),
});
export type Ticket = z.output<typeof ticketSchema>;

/** The number a patient holds and hears: the sequence within the desk's block, if it has one. */
export function ticketNumber(ticket: Pick<Ticket, 'sequence' | 'series'>): number {
  return (ticket.series ?? 0) * 1000 + ticket.sequence;
}

export function ticketLabel(ticket: Ticket): string {
  const number = String(ticketNumber(ticket)).padStart(3, '0');
  return ticket.series === undefined
    ? `${ticket.prefix}-${ticket.deviceCode}-${number}`
    : `${ticket.prefix}-${number}`;
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
    /**
     * The patient already had an open visit at this poli that day and the clerk confirmed a second
     * one on purpose (issue 14). Absent on every other visit, and on visits recorded before.
     */
    secondVisitConfirmed: z.optional(z.literal(true)),
  }),
);

/** Why something was cancelled, in the clerk's words. */
export const cancelReasonSchema = z
  .string()
  .check(z.trim(), z.minLength(3, { error: Reason.ReasonRequired }), z.maxLength(300));

export const visitCancelledSchema = eventSchema(
  'visit.cancelled',
  z.strictObject({ reason: cancelReasonSchema }),
);

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

import * as z from 'zod/mini';
import { userChangedSchema, userCreatedSchema, userPassphraseSetSchema } from './accountEvents';
import { assessmentAmendedSchema, assessmentSignedSchema } from './assessmentEvents';
import { auditRecordedSchema } from './auditEvents';
import { deliveryPausedSchema, deliveryRetriedSchema, deliveryStartedSchema } from './deliveryEvents';
import { downtimeLogImportedSchema, downtimeLogWithdrawnSchema } from './downtimeLogEvents';
import {
  incidentBackEntryMarkedSchema,
  incidentClosedSchema,
  incidentDrillClearedSchema,
  incidentOpenedSchema,
  incidentReconciledSchema,
  incidentStepDoneSchema,
  incidentStepUndoneSchema,
  incidentUpdatedSchema,
} from './incidentEvents';
import { eventVoidedSchema } from './journalEvents';
import { patientCorrectedSchema, patientMrnMappedSchema, patientRegisteredSchema } from './patientEvents';
import {
  slipCancelledSchema,
  slipFoundSchema,
  slipNotFoundSchema,
  slipReceivedSchema,
  slipRequestedSchema,
  slipReturnedSchema,
  slipSentSchema,
} from './slipEvents';
import {
  queueCalledSchema,
  queueNoShowSchema,
  queueRecalledSchema,
  queueServiceEndedSchema,
  queueServiceStartedSchema,
  queueSkippedSchema,
  visitCancelledSchema,
  visitRegisteredSchema,
} from './visitEvents';

/** Every kind of fact Siaga captures. The hub validates with this same schema. */
export const domainEventSchema = z.discriminatedUnion('type', [
  patientRegisteredSchema,
  patientCorrectedSchema,
  patientMrnMappedSchema,
  visitRegisteredSchema,
  visitCancelledSchema,
  queueCalledSchema,
  queueRecalledSchema,
  queueSkippedSchema,
  queueServiceStartedSchema,
  queueServiceEndedSchema,
  queueNoShowSchema,
  slipRequestedSchema,
  slipFoundSchema,
  slipNotFoundSchema,
  slipSentSchema,
  slipReceivedSchema,
  slipReturnedSchema,
  slipCancelledSchema,
  assessmentSignedSchema,
  assessmentAmendedSchema,
  eventVoidedSchema,
  userCreatedSchema,
  userChangedSchema,
  userPassphraseSetSchema,
  auditRecordedSchema,
  incidentOpenedSchema,
  incidentUpdatedSchema,
  incidentStepDoneSchema,
  incidentStepUndoneSchema,
  incidentClosedSchema,
  incidentDrillClearedSchema,
  incidentReconciledSchema,
  incidentBackEntryMarkedSchema,
  downtimeLogImportedSchema,
  downtimeLogWithdrawnSchema,
  deliveryStartedSchema,
  deliveryPausedSchema,
  deliveryRetriedSchema,
]);

export type DomainEvent = z.output<typeof domainEventSchema>;
export type EventType = DomainEvent['type'];
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;
export type PayloadOf<T extends EventType> = EventOf<T>['payload'];

export const EVENT_TYPES: readonly EventType[] = domainEventSchema.def.options.map(
  (option) => option.def.shape.type.def.values[0] as EventType,
);

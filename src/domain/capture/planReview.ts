import { err, ok, type Result } from '@/lib/result';
import { domainEventSchema, type DomainEvent } from '../events/domainEvent';
import { Reason, type FieldProblem } from '../reasons';
import { toFacilityIso } from '../time/facilityTime';
import { makeEvent, type CaptureContext } from './captureContext';

/**
 * A correcting event for one the hub refused [P16]: same type, entity and real time, a new id,
 * the corrected payload, `corrects` pointing at the refused event, made by the person correcting
 * it on this device now. The refused event stays in the journal.
 */
export function planCorrection(
  original: DomainEvent,
  payload: unknown,
  context: CaptureContext,
): Result<DomainEvent[], FieldProblem[]> {
  const candidate = {
    ...original,
    id: context.newId(),
    recordedAt: toFacilityIso(context.now, context.config.facility.timeZone),
    deviceId: context.deviceId,
    deviceCode: context.deviceCode,
    actor: context.actor,
    clock: context.clock,
    corrects: original.id,
    payload,
  };
  const parsed = domainEventSchema.safeParse(candidate);
  if (parsed.success) return ok([parsed.data]);
  return err(
    parsed.error.issues.map((issue) => ({
      field: issue.path.join('.'),
      reason: (Object.values(Reason) as string[]).includes(issue.message)
        ? (issue.message as Reason)
        : Reason.InvalidFormat,
    })),
  );
}

/** Withdraws an event with a reason [P16]: an event of its own, never a deletion. */
export function planVoid(
  original: DomainEvent,
  reason: string,
  context: CaptureContext,
): Result<DomainEvent[], FieldProblem[]> {
  const built = makeEvent(context, {
    type: 'event.voided',
    entityId: original.entityId,
    time: {
      occurredAt: toFacilityIso(context.now, context.config.facility.timeZone),
      timeSource: 'device_clock',
      at: context.now,
    },
    source: 'direct',
    payload: { eventId: original.id, eventType: original.type, reason: reason.trim() },
  });
  return built.ok ? ok([built.value]) : err(built.error.map((problem) => ({ ...problem, field: 'reason' })));
}

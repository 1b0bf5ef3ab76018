import type { RuntimeConfig } from '../config/runtimeConfigSchema';
import { domainEventSchema, type DomainEvent, type EventType, type PayloadOf } from '../events/domainEvent';
import { EVENT_SCHEMA_VERSION, type Actor, type EventSource, type TimeSource } from '../events/envelope';
import { isPermitted } from '../access/eventRights';
import { Reason, type FieldProblem } from '../reasons';
import { fromFacilityLocal, toFacilityIso } from '../time/facilityTime';
import { err, ok, type Result } from '@/lib/result';

/** Everything a capture needs besides the user's input: who, where, when "now" is, how to make ids. */
export type CaptureContext = {
  deviceId: string;
  deviceCode: string;
  actor: Actor;
  config: RuntimeConfig;
  now: Date;
  /** The device clock's offset from the hub at the last contact (sync issue); null until known. */
  clock: { offsetMs: number | null; measuredAt: string | null };
  newId: () => string;
};

/**
 * When something happened: "now" (the default) or the real time of service typed from paper
 * ("jam pelayanan sebenarnya") as a date and a wall-clock time in the facility zone.
 */
export type When = { mode: 'now' } | { mode: 'manual'; date: string; time: string };
export const NOW: When = { mode: 'now' };

/** Device clocks drift: a typed time up to this far past "now" is still accepted as "now". */
export const FUTURE_TOLERANCE_MS = 60_000;

export type ResolvedTime = { occurredAt: string; timeSource: TimeSource; at: Date };

export function resolveWhen(
  when: When,
  context: CaptureContext,
  field: string,
): Result<ResolvedTime, FieldProblem> {
  const zone = context.config.facility.timeZone;
  if (when.mode === 'now') {
    return ok({ occurredAt: toFacilityIso(context.now, zone), timeSource: 'device_clock', at: context.now });
  }
  const at = fromFacilityLocal(when.date, when.time, zone);
  if (!at) return err({ field, reason: Reason.InvalidTime });
  if (at.getTime() > context.now.getTime() + FUTURE_TOLERANCE_MS)
    return err({ field, reason: Reason.TimeInFuture });
  return ok({ occurredAt: toFacilityIso(at, zone), timeSource: 'manual_entry', at });
}

/**
 * Builds an event and validates it with the same schema the hub uses. A failure here is a bug
 * in the command (the input was checked before), so it is reported with the schema's path.
 */
export function makeEvent<T extends EventType>(
  context: CaptureContext,
  fields: { type: T; entityId: string; time: ResolvedTime; source: EventSource; payload: PayloadOf<T> },
): Result<DomainEvent, FieldProblem[]> {
  const candidate = {
    id: context.newId(),
    type: fields.type,
    entityId: fields.entityId,
    occurredAt: fields.time.occurredAt,
    recordedAt: toFacilityIso(context.now, context.config.facility.timeZone),
    timeZone: context.config.facility.timeZone,
    deviceId: context.deviceId,
    deviceCode: context.deviceCode,
    actor: context.actor,
    source: fields.source,
    timeSource: fields.time.timeSource,
    clock: context.clock,
    schemaVersion: EVENT_SCHEMA_VERSION,
    payload: fields.payload,
  };
  const parsed = domainEventSchema.safeParse(candidate);
  if (parsed.success) {
    // Rights are checked here, where every event is made, not only by hiding buttons.
    return isPermitted(parsed.data) ? ok(parsed.data) : err([{ field: '', reason: Reason.NotPermitted }]);
  }
  return err(
    parsed.error.issues.map((issue) => ({
      field: issue.path.filter((part) => part !== 'payload').join('.'),
      reason: (Object.values(Reason) as string[]).includes(issue.message)
        ? (issue.message as Reason)
        : Reason.InvalidFormat,
    })),
  );
}

/** Collects several event builds into one result: all the events, or every problem. */
export function collectEvents(
  results: Result<DomainEvent, FieldProblem[]>[],
): Result<DomainEvent[], FieldProblem[]> {
  const problems = results.flatMap((result) => (result.ok ? [] : result.error));
  if (problems.length > 0) return err(problems);
  return ok(results.map((result) => (result as { ok: true; value: DomainEvent }).value));
}

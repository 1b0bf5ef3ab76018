import { Reason, type CaptureContext, type DomainEvent, type FieldProblem } from '@/domain';
import { systemClock, type Clock } from '@/lib/clock';
import { err, ok, type Result } from '@/lib/result';
import { appendEventsHoldingLock } from '../appendEvents';
import { getCodec } from '../codec';
import { withDrillMarks } from '../drillMarks';
import { loadCaptureContext } from '../captureContext';
import type { SiagaDb } from '../db';
import { withJournalLock } from '../journalLock';

export type CommandResult<T> = Result<T, FieldProblem[]>;

/**
 * The shape of every write a feature makes: under the journal lock, load the capture context and
 * whatever state the plan needs, plan the events (pure domain code), then append them with their
 * projections in one transaction. When the returned promise resolves with `ok`, the events are
 * durable — only then may the UI say "saved".
 */
export function runCommand<T extends { events: DomainEvent[] }>(
  db: SiagaDb,
  plan: (context: CaptureContext) => Promise<CommandResult<T>>,
  clock: Clock = systemClock,
): Promise<CommandResult<T>> {
  return withJournalLock(async () => {
    const context = await loadCaptureContext(db, clock.now());
    if (!context.ok) {
      return err([
        {
          field: '',
          reason: {
            deviceNotSetUp: Reason.DeviceNotSetUp,
            notSignedIn: Reason.DeviceLocked,
            configMissing: Reason.ConfigMissing,
          }[context.error],
        },
      ]);
    }
    const planned = await plan(context.value);
    if (!planned.ok) return planned;
    const events = await withDrillMarks(db, planned.value.events, getCodec());
    await appendEventsHoldingLock(db, events, { origin: 'local' });
    return ok({ ...planned.value, events });
  });
}

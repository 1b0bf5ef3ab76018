import { Reason, type CaptureContext, type DomainEvent, type FieldProblem } from '@/domain';
import { systemClock, type Clock } from '@/lib/clock';
import { err, ok, type Result } from '@/lib/result';
import { appendEventsHoldingLock } from '../appendEvents';
import { getCodec } from '../codec';
import { withDrillMarks } from '../drillMarks';
import { loadCaptureContext } from '../captureContext';
import type { SiagaDb } from '../db';
import { withJournalLock } from '../journalLock';
import { currentSigners, signEvents } from '../signers';

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
    // Nothing is recorded unsigned: without the person's key (locked, signed out) there is no actor.
    const signers = currentSigners(db);
    if (!signers) return err([{ field: '', reason: Reason.DeviceLocked }]);
    const planned = await plan(context.value);
    if (!planned.ok) return planned;
    const marked = await withDrillMarks(db, planned.value.events, getCodec());
    const events = await signEvents(signers, marked);
    await appendEventsHoldingLock(db, events, { origin: 'local' });
    return ok({ ...planned.value, events });
  });
}

import { planCorrection, planVoid, Reason, type DomainEvent } from '@/domain';
import type { Clock } from '@/lib/clock';
import { err, ok } from '@/lib/result';
import { decodeJournalRows } from '../appendEvents';
import { getCodec } from '../codec';
import type { SiagaDb } from '../db';
import { runCommand } from './runCommand';

async function reviewedEvent(db: SiagaDb, eventId: string): Promise<DomainEvent | undefined> {
  const row = await db.journal.get(eventId);
  if (!row || row.syncState !== 'review') return undefined;
  return (await decodeJournalRows([row], getCodec()))[0];
}

/** Sends a corrected version of an event the hub refused; the refused one is settled. */
export function correctEvent(db: SiagaDb, eventId: string, payload: unknown, clock?: Clock) {
  return runCommand(
    db,
    async (context) => {
      const original = await reviewedEvent(db, eventId);
      if (!original) return err([{ field: '', reason: Reason.EventNotFound }]);
      const planned = planCorrection(original, payload, context);
      return planned.ok ? ok({ events: planned.value }) : planned;
    },
    clock,
  );
}

/** Withdraws an event the hub refused, with a reason; it is settled and never sent. */
export function voidEvent(db: SiagaDb, eventId: string, reason: string, clock?: Clock) {
  return runCommand(
    db,
    async (context) => {
      const original = await reviewedEvent(db, eventId);
      if (!original) return err([{ field: '', reason: Reason.EventNotFound }]);
      const planned = planVoid(original, reason, context);
      return planned.ok ? ok({ events: planned.value }) : planned;
    },
    clock,
  );
}

import {
  counterKeysOf,
  markDrillData,
  planRegistration,
  type CaptureContext,
  type DomainEvent,
  type RegistrationInput,
} from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { appendEvents, currentSigners, loadCaptureContext, signEvents, type SiagaDb } from '@/storage';

/**
 * Appends `count` registrations in bulk (the real planner, batches of 1,000 events), quickly;
 * marked as a drill's data when `drillId` is given. The device's signed-in actor registers and
 * signs them, as the app does.
 */
export async function seedRegistrations(
  db: SiagaDb,
  count: number,
  input: (index: number) => RegistrationInput,
  drillId?: string,
): Promise<void> {
  const signers = currentSigners(db);
  if (!signers) throw new Error('seedRegistrations: nobody is signed in to sign the records');
  const context = await loadCaptureContext(db, new Date());
  if (!context.ok) throw new Error(context.error);
  const base: CaptureContext = { ...context.value, newId: () => uuidv7() };
  const stored = new Map((await db.counters.toArray()).map((row) => [row.key, row.value]));
  const counters = new Map<string, number>();
  let batch: DomainEvent[] = [];
  for (let index = 0; index < count; index += 1) {
    const plan = planRegistration(
      input(index),
      { counterValue: (key) => Math.max(counters.get(key) ?? 0, stored.get(key) ?? 0) },
      base,
    );
    if (!plan.ok) throw new Error(JSON.stringify(plan.error));
    for (const { key, value } of plan.value.events.flatMap(counterKeysOf)) counters.set(key, value);
    batch.push(...markDrillData(plan.value.events, drillId, () => undefined));
    if (batch.length >= 1_000) {
      await appendEvents(db, await signEvents(signers, batch), { origin: 'local' });
      batch = [];
    }
  }
  if (batch.length > 0) await appendEvents(db, await signEvents(signers, batch), { origin: 'local' });
}

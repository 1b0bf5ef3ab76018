import { activeDrillOf, markDrillData, relatedEntityIds, type DomainEvent } from '@/domain';
import type { StorageCodec } from './codec';
import type { SiagaDb } from './db';
import { listIncidents } from './incidents';

/**
 * The planned events of a command, marked as drill data where they are (`markDrillData`): while
 * a drill runs on this device, or when they are about an entity captured during one.
 */
export async function withDrillMarks(
  db: SiagaDb,
  events: readonly DomainEvent[],
  codec: StorageCodec,
): Promise<DomainEvent[]> {
  const open = await listIncidents(db, { status: 'open' }, codec);
  const active = activeDrillOf(open)?.id;
  // Without any drill data on the device, no entity can be one: skip the journal lookup.
  const anyDrillRow = active === undefined ? await db.journal.orderBy('drillId').first() : undefined;
  const drillOf = new Map<string, string>();
  if (anyDrillRow) {
    const ids = [...new Set(events.flatMap(relatedEntityIds))];
    for (const row of await db.journal.where('entityId').anyOf(ids).toArray())
      if (row.drillId) drillOf.set(row.entityId, row.drillId);
  }
  return markDrillData(events, active, (id) => drillOf.get(id));
}

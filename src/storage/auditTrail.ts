import { useLiveQuery } from 'dexie-react-hooks';
import type { DomainEvent, EventType } from '@/domain';
import { decodeJournalRows } from './appendEvents';
import { getCodec, type StorageCodec } from './codec';
import { getDb } from './database';
import type { SiagaDb } from './db';

/** Event types that are themselves audit facts: entries, corrections, voids, account changes. */
const AUDIT_TYPES: readonly EventType[] = [
  'audit.recorded',
  'patient.corrected',
  'assessment.amended',
  'event.voided',
  'user.created',
  'user.changed',
  'user.passphrase_set',
];

/**
 * The audit trail as this device knows it (its own entries and, once synced, everyone's):
 * views, prints, exports, sign-ins, and every correction — newest first.
 */
export async function auditTrail(db: SiagaDb, codec: StorageCodec = getCodec()): Promise<DomainEvent[]> {
  const typed = await db.journal
    .where('type')
    .anyOf([...AUDIT_TYPES])
    .toArray();
  // Correcting events carry `corrects`; the rows they settled point back at them (an index that
  // holds only those rows: no read of the whole journal).
  const correctingIds = new Set((await db.journal.orderBy('resolvedBy').keys()) as string[]);
  const correcting = (await db.journal.bulkGet([...correctingIds])).filter(
    (row) => row !== undefined && !AUDIT_TYPES.includes(row.type as EventType),
  );
  const events = await decodeJournalRows([...typed, ...correcting.map((row) => row!)], codec);
  return events.sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : 0));
}

export function useAuditTrail(): DomainEvent[] | undefined {
  return useLiveQuery(() => auditTrail(getDb()), []);
}

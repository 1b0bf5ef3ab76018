import type { DomainEvent } from '@/domain';
import { canonicalJson } from '@/lib/canonicalJson';
import type { HubDatabase } from '../../../server/db/openHubDatabase';

/**
 * Stores events the way a hub from before [P31] did: straight into the journal, without the
 * entity kinds, whatever they point at. For tests of what an older store may already hold.
 */
export function storeAsOlderHub(
  db: HubDatabase,
  events: readonly DomainEvent[],
  submittedBy: string,
  receivedAt = new Date(),
): void {
  const insert = db.prepare(
    `INSERT INTO events (id, type, entity_id, device_id, submitted_by, occurred_at, received_at, body, drill_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const event of events)
      insert.run(
        event.id,
        event.type,
        event.entityId,
        event.deviceId,
        submittedBy,
        event.occurredAt,
        receivedAt.toISOString(),
        canonicalJson(event),
        event.drillId ?? null,
      );
  })();
}

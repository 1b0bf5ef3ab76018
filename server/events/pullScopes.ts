import type { DomainEvent } from '@/domain';
import type { HubDatabase } from '../db/openHubDatabase';

/** Which visit a registration (rank 1 or, correcting one, 2) or a record request (0) places where. */
const RANK = { requested: 0, registered: 1, corrected: 2 } as const;

/**
 * Keeps the pull scopes [P46] in step with the stored events; call for each event as it is
 * stored, in the storing transaction. Two small tables, both read by key when a device pulls:
 * `entity_visits` (a visit, slip or RM 1.2 → its visit) and `visit_scopes` (a visit → its poli
 * and service date). A visit's later events need nothing recorded: their entity is the visit.
 */
export function pullScopeRecorder(db: HubDatabase): (event: DomainEvent) => void {
  const belongs = db.prepare(
    'INSERT INTO entity_visits (entity_id, visit_id) VALUES (?, ?) ON CONFLICT (entity_id) DO NOTHING',
  );
  // A record request knows its visit's poli and date too: it places the visit until the
  // registration arrives (devices work apart: the records room may push before the desk). A
  // registration wins over it; a correcting registration moves the visit (the latest wins).
  const place = db.prepare(
    `INSERT INTO visit_scopes (visit_id, poli_code, service_date, rank) VALUES (?, ?, ?, ?)
     ON CONFLICT (visit_id) DO UPDATE SET poli_code = excluded.poli_code,
       service_date = excluded.service_date, rank = excluded.rank
     WHERE excluded.rank > visit_scopes.rank OR excluded.rank = ${RANK.corrected}`,
  );
  return (event) => {
    switch (event.type) {
      case 'visit.registered':
        belongs.run(event.entityId, event.entityId);
        place.run(
          event.entityId,
          event.payload.poliCode,
          event.payload.serviceDate,
          event.corrects ? RANK.corrected : RANK.registered,
        );
        return;
      case 'slip.requested':
        belongs.run(event.entityId, event.payload.visitId);
        place.run(event.payload.visitId, event.payload.poliCode, event.payload.serviceDate, RANK.requested);
        return;
      case 'assessment.signed':
      case 'assessment.amended':
        belongs.run(event.entityId, event.payload.visitId);
        return;
      default:
        return;
    }
  };
}

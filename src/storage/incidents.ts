import type { Incident } from '@/domain';
import { getCodec, type StorageCodec } from './codec';
import type { SiagaDb } from './db';
import { decodeBodies } from './projectionRows';

/** One downtime incident, or `undefined` when this device has none with that id. */
export async function getIncident(
  db: SiagaDb,
  id: string,
  codec: StorageCodec = getCodec(),
): Promise<Incident | undefined> {
  const row = await db.incidents.get(id);
  return row ? ((await codec.decode(row.body, { table: 'incidents', id: row.id })) as Incident) : undefined;
}

/**
 * Incidents detected in `[from, to)` (ISO instants; both optional), of one status if given,
 * earliest detection first.
 * Numbering (`incidentNumber`) needs every incident of the month, drills included.
 */
export async function listIncidents(
  db: SiagaDb,
  range: { from?: string; to?: string; status?: Incident['status'] } = {},
  codec: StorageCodec = getCodec(),
): Promise<Incident[]> {
  const rows = range.status
    ? await db.incidents.where('status').equals(range.status).toArray()
    : await db.incidents.orderBy('detectedAt').toArray();
  const from = range.from ? Date.parse(range.from) : -Infinity;
  const to = range.to ? Date.parse(range.to) : Infinity;
  // Filtered by instant, not by index range: detection times may carry different offsets.
  const kept = rows.filter((row) => {
    const at = Date.parse(row.detectedAt);
    return at >= from && at < to;
  });
  const incidents = await decodeBodies<Incident>(kept, 'incidents', codec);
  return incidents.sort(
    (a, b) => Date.parse(a.detectedAt) - Date.parse(b.detectedAt) || (a.id < b.id ? -1 : 1),
  );
}

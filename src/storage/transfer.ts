import {
  domainEventSchema,
  eventsForSlipTransfer,
  TRANSFER_PREFIX,
  transferPayloadSchema,
  type DomainEvent,
} from '@/domain';
import { compressToText, decompressFromText } from '@/lib/compression';
import { err, ok, type Result } from '@/lib/result';
import { appendEvents } from './appendEvents';
import { getCodec } from './codec';
import type { SiagaDb } from './db';

/** The journal's events about some entities, in the order this device applied them. */
export async function eventsOfEntities(db: SiagaDb, entityIds: readonly string[]): Promise<DomainEvent[]> {
  const rows = (
    await db.journal
      .where('entityId')
      .anyOf([...entityIds])
      .toArray()
  ).sort((a, b) => a.localSeq - b.localSeq);
  const codec = getCodec();
  const events = await Promise.all(
    rows.flatMap((row) => (row.event ? [codec.decode(row.event, { table: 'journal', id: row.id })] : [])),
  );
  return events.flatMap((event) => {
    const parsed = domainEventSchema.safeParse(event);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The QR text for a slip: its trail plus the visit and patient it belongs to. */
export async function slipTransferText(
  db: SiagaDb,
  slip: { id: string; visitId: string; patientId: string },
): Promise<string> {
  const events = eventsForSlipTransfer(await eventsOfEntities(db, [slip.patientId, slip.visitId, slip.id]));
  return `${TRANSFER_PREFIX}${await compressToText(JSON.stringify({ v: 1, events }))}`;
}

export type ImportProblem = 'notSiaga' | 'unreadable' | 'invalid';
export type ImportReport = { added: DomainEvent[]; alreadyPresent: number };

/**
 * Reads a QR text (scanned or pasted), validates every event with the domain schemas and adds
 * the new ones. Importing the same code twice adds nothing the second time.
 */
export async function importTransferText(
  db: SiagaDb,
  text: string,
): Promise<Result<ImportReport, ImportProblem>> {
  const trimmed = text.trim();
  if (!trimmed.startsWith(TRANSFER_PREFIX)) return err('notSiaga');
  let json: unknown;
  try {
    json = JSON.parse(await decompressFromText(trimmed.slice(TRANSFER_PREFIX.length)));
  } catch {
    return err('unreadable');
  }
  const parsed = transferPayloadSchema.safeParse(json);
  if (!parsed.success) return err('invalid');
  const result = await appendEvents(db, parsed.data.events, { origin: 'import' });
  return ok({ added: result.appended, alreadyPresent: result.duplicates.length });
}

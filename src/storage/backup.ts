import {
  backupAad,
  backupContentSchema,
  backupFileSchema,
  BACKUP_FORMAT,
  type BackupHeader,
  type DomainEvent,
  type EventType,
} from '@/domain';
import { fromUtf8, utf8 } from '@/lib/crypto/encoding';
import { WrongPassphraseError } from '@/lib/crypto/errors';
import { openWithPassphrase, sealWithPassphrase } from '@/lib/crypto/passphrase';
import { err, ok, type Result } from '@/lib/result';
import { appendEvents, decodeJournalRows } from './appendEvents';
import { getCodec } from './codec';
import { recordAudit } from './commands/accountCommands';
import { journalIn, type SiagaDb } from './db';
import { loadDeviceIdentity } from './deviceSetup';

/** Events the hub has not confirmed: still pending, or refused and waiting for a person. */
async function unsyncedEvents(db: SiagaDb): Promise<DomainEvent[]> {
  const rows = await journalIn(db, 'pending', 'review').toArray();
  rows.sort((a, b) => a.localSeq - b.localSeq);
  return decodeJournalRows(rows, getCodec());
}

export type ExportedBackup = { header: BackupHeader; fileText: string };

/**
 * Writes this device's unsynced events into a passphrase-protected backup (the caller checks the
 * passphrase against the policy) and records the export in the audit trail.
 */
export async function exportBackup(
  db: SiagaDb,
  passphrase: string,
  now: Date = new Date(),
): Promise<Result<ExportedBackup, 'notSetUp'>> {
  const device = await loadDeviceIdentity(db);
  if (!device) return err('notSetUp');
  const events = await unsyncedEvents(db);
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: 1,
    deviceId: device.deviceId,
    deviceCode: device.deviceCode,
    exportedAt: now.toISOString(),
    eventCount: events.length,
  };
  const box = await sealWithPassphrase(utf8(JSON.stringify({ events })), passphrase, backupAad(header));
  await recordAudit(db, { action: 'backup_exported', count: events.length });
  return ok({ header, fileText: JSON.stringify({ ...header, box }) });
}

export type BackupImportProblem = 'unreadable' | 'notSiaga' | 'invalid' | 'wrongPassphrase';

export type BackupImportReport = {
  header: BackupHeader;
  added: number;
  alreadyPresent: number;
  /** How many of each type were added, for the report a person reads. */
  addedByType: Partial<Record<EventType, number>>;
};

/**
 * Opens a backup made on another device and adds the events this device does not hold yet (by
 * event id: importing twice adds nothing the second time). They are then sent to the hub as if
 * captured here, with their own device, actor and times.
 */
export async function importBackup(
  db: SiagaDb,
  fileText: string,
  passphrase: string,
): Promise<Result<BackupImportReport, BackupImportProblem>> {
  let json: unknown;
  try {
    json = JSON.parse(fileText);
  } catch {
    return err('unreadable');
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== BACKUP_FORMAT)
    return err('notSiaga');
  const file = backupFileSchema.safeParse(json);
  if (!file.success) return err('invalid');
  const { box, ...header } = file.data;

  let content: unknown;
  try {
    content = JSON.parse(fromUtf8(await openWithPassphrase(box, passphrase, backupAad(header))));
  } catch (error) {
    if (error instanceof WrongPassphraseError) return err('wrongPassphrase');
    return err('invalid');
  }
  const parsed = backupContentSchema.safeParse(content);
  if (!parsed.success || parsed.data.events.length !== header.eventCount) return err('invalid');

  const { appended, duplicates } = await appendEvents(db, parsed.data.events, { origin: 'import' });
  const addedByType: BackupImportReport['addedByType'] = {};
  for (const event of appended) addedByType[event.type] = (addedByType[event.type] ?? 0) + 1;
  await recordAudit(db, { action: 'backup_imported', count: appended.length });
  return ok({ header, added: appended.length, alreadyPresent: duplicates.length, addedByType });
}

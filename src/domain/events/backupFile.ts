import * as z from 'zod/mini';
import { DEVICE_CODE_PATTERN } from '../identifiers/tempNumber';
import { passphraseVerifierSchema } from './accountEvents';
import { domainEventSchema } from './domainEvent';
import { isoDateTimeSchema, uuidSchema } from './envelope';

/**
 * An encrypted backup of a device's unsynced events, for the tablet that is about to die: the
 * header in the clear (which device, when, how many — no patient data), the events in a box that
 * only the backup passphrase opens. The header is bound to the box as associated data, so a
 * header edited to claim another device or count does not open.
 */
export const BACKUP_FORMAT = 'siaga-backup';
export const BACKUP_FILE_EXTENSION = '.siaga';

const base64Url = z.string().check(z.regex(/^[A-Za-z0-9_-]+$/), z.minLength(16));

export const backupHeaderSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  deviceId: uuidSchema,
  deviceCode: z.string().check(z.regex(DEVICE_CODE_PATTERN)),
  exportedAt: isoDateTimeSchema,
  eventCount: z.number().check(z.int(), z.gte(0)),
});
export type BackupHeader = z.output<typeof backupHeaderSchema>;

export const backupFileSchema = z.strictObject({
  ...backupHeaderSchema.def.shape,
  box: z.strictObject({ kdf: passphraseVerifierSchema.def.shape.kdf, iv: base64Url, ct: base64Url }),
});
export type BackupFile = z.output<typeof backupFileSchema>;

/** What the box holds; validated event by event when opened. */
export const backupContentSchema = z.strictObject({ events: z.array(domainEventSchema) });

export function backupAad(header: BackupHeader): string {
  const { format, version, deviceId, deviceCode, exportedAt, eventCount } = header;
  return [format, version, deviceId, deviceCode, exportedAt, eventCount].join('|');
}

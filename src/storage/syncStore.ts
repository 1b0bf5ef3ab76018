import { useLiveQuery } from 'dexie-react-hooks';
import * as z from 'zod/mini';
import { getCodec, isLocked, type StorageCodec } from './codec';
import { getDb } from './database';
import { journalIn, type SiagaDb, type SyncState } from './db';
import { readMeta, writeMeta } from './meta';

const CREDENTIALS_KEY = 'hubCredentials';
const CURSOR_KEY = 'pullCursor';
const CLOCK_KEY = 'clockOffset';

const encodedSchema = z.union([
  z.strictObject({ codec: z.literal('plain'), value: z.unknown() }),
  z.strictObject({ codec: z.literal('aes-gcm'), k: z.number(), iv: z.string(), ct: z.string() }),
  z.strictObject({
    codec: z.literal('aes-gcm'),
    k: z.number(),
    f: z.literal(2),
    bytes: z.instanceof(Uint8Array),
  }),
]);

const credentialsSchema = z.object({
  /**
   * The device token [P1]: push and pull. Encrypted with the data key, so a stolen device that is
   * locked cannot pull the hospital's records from the hub with it.
   */
  token: encodedSchema,
  /** Push-only token [P20], readable while locked: the outbox keeps draining. */
  pushToken: z.optional(z.string()),
  /** The hub's public key: events are sealed to it at capture [P20]. */
  hubPublicKey: z.optional(z.string()),
  hubId: z.string(),
  deviceCode: z.string(),
  enrolledAt: z.string(),
});
export type HubCredentials = z.output<typeof credentialsSchema>;

const legacyCredentialsSchema = z.object({
  token: z.string(),
  hubId: z.string(),
  deviceCode: z.string(),
  enrolledAt: z.string(),
});

export const TOKEN_CONTEXT = { table: 'meta', id: 'hubToken' } as const;

export function saveHubCredentials(db: SiagaDb, credentials: HubCredentials): Promise<void> {
  return writeMeta(db, CREDENTIALS_KEY, credentials);
}

/** Credentials as stored; those from before encryption (a bare token) read as a plain-coded one. */
export async function loadHubCredentials(db: SiagaDb): Promise<HubCredentials | undefined> {
  const current = await readMeta(db, CREDENTIALS_KEY, credentialsSchema);
  if (current) return current;
  const legacy = await readMeta(db, CREDENTIALS_KEY, legacyCredentialsSchema);
  return legacy ? { ...legacy, token: { codec: 'plain', value: legacy.token } } : undefined;
}

/**
 * The tokens usable now: pushing needs the push token (or, from before it existed, the full one
 * while unlocked); pulling needs the full token, readable only while unlocked [P20].
 */
export async function hubTokens(
  db: SiagaDb,
  codec: StorageCodec = getCodec(),
): Promise<{ push: string | undefined; pull: string | undefined } | undefined> {
  const credentials = await loadHubCredentials(db);
  if (!credentials) return undefined;
  const full = isLocked() ? undefined : ((await codec.decode(credentials.token, TOKEN_CONTEXT)) as string);
  // Signed in: the full token for everything. Locked: the push-only token, for sealed events [P20].
  return { push: full ?? credentials.pushToken, pull: full };
}

export function useHubCredentials(): HubCredentials | null | undefined {
  return useLiveQuery(async () => (await loadHubCredentials(getDb())) ?? null, []);
}

/** Where pulling resumes [P10, P11]; empty means from the beginning. */
export async function loadPullCursor(db: SiagaDb): Promise<string> {
  return (await readMeta(db, CURSOR_KEY, z.string())) ?? '';
}

export function savePullCursor(db: SiagaDb, cursor: string): Promise<void> {
  return writeMeta(db, CURSOR_KEY, cursor);
}

const clockSchema = z.object({ offsetMs: z.number(), measuredAt: z.string() });
export type ClockOffset = z.output<typeof clockSchema>;

/** The device clock's offset from the hub at the last contact [P13]. */
export function saveClockOffset(db: SiagaDb, offset: ClockOffset): Promise<void> {
  return writeMeta(db, CLOCK_KEY, offset);
}

export function loadClockOffset(db: SiagaDb): Promise<ClockOffset | undefined> {
  return readMeta(db, CLOCK_KEY, clockSchema);
}

export function useClockOffset(): ClockOffset | null | undefined {
  return useLiveQuery(async () => (await loadClockOffset(getDb())) ?? null, []);
}

export type JournalCounts = {
  byState: Record<SyncState, number>;
  /** Event type → count, for the events still to send or to review. */
  openByType: Record<string, { pending: number; review: number }>;
};

/** Counts for the recovery console: per sync state and, for open work, per event type. */
export async function journalCounts(db: SiagaDb): Promise<JournalCounts> {
  const states: SyncState[] = ['pending', 'acked', 'review', 'resolved'];
  const [pending, acked, review, resolved] = await Promise.all(
    states.map((state) => journalIn(db, state).count()),
  );
  const openByType: JournalCounts['openByType'] = {};
  await journalIn(db, 'pending', 'review').each((row) => {
    const entry = (openByType[row.type] ??= { pending: 0, review: 0 });
    if (row.syncState === 'pending') entry.pending += 1;
    else entry.review += 1;
  });
  return { byState: { pending: pending!, acked: acked!, review: review!, resolved: resolved! }, openByType };
}

export function useJournalCounts(): JournalCounts | undefined {
  return useLiveQuery(() => journalCounts(getDb()), []);
}

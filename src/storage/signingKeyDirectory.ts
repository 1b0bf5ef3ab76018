import * as z from 'zod/mini';
import { signingBytes, type DomainEvent } from '@/domain';
import { signingKeyId, verifyBytes } from '@/lib/crypto/signing';
import type { SiagaDb } from './db';
import { readMeta } from './meta';

const KEYS_META = 'signingKeys';
const directorySchema = z.record(z.string(), z.object({ userId: z.string(), publicKey: z.string() }));
type Directory = z.output<typeof directorySchema>;

/** The public signing keys account events have brought to this device: key id → account [P32]. */
export async function knownSigningKeys(db: SiagaDb): Promise<Directory> {
  return (await readMeta(db, KEYS_META, directorySchema)) ?? {};
}

/** The keys account events bring, by key id (public data: no secret in them). */
export async function signingKeysOf(events: readonly DomainEvent[]): Promise<Directory> {
  const entries = await Promise.all(
    events.flatMap((event) =>
      (event.type === 'user.created' || event.type === 'user.passphrase_set') && event.payload.signingKey
        ? [
            signingKeyId(event.payload.signingKey).then(
              (keyId) => [keyId, { userId: event.entityId, publicKey: event.payload.signingKey! }] as const,
            ),
          ]
        : [],
    ),
  );
  return Object.fromEntries(entries);
}

/** Call inside the transaction that stores the events: the directory never lags the journal. */
export async function rememberSigningKeys(db: SiagaDb, keys: Directory): Promise<void> {
  if (Object.keys(keys).length === 0) return;
  const known = await knownSigningKeys(db);
  await db.meta.put({ key: KEYS_META, value: { ...known, ...keys }, updatedAt: new Date().toISOString() });
}

/**
 * Pulled events whose person signature holds for the key of the account they name [P32]; the
 * others (unsigned, an unknown key, another person's key, changed content) are not applied. The
 * hub checked them already: a refusal here means a hub or a channel that cannot be trusted. A
 * first admin's account, signed by its own key, is the hospital's trust anchor as its hub took it.
 */
export async function verifyPulledEvents(
  db: SiagaDb,
  events: readonly DomainEvent[],
): Promise<{ trusted: DomainEvent[]; refused: DomainEvent[] }> {
  const keys = await knownSigningKeys(db);
  const broughtBy = await Promise.all(events.map((event) => signingKeysOf([event])));
  // A key id is the hash of its key, so each signature can be checked, side by side, against the
  // key it names; which keys an event may rely on is then decided in order.
  const offered: Directory = { ...keys };
  for (const brought of broughtBy) Object.assign(offered, brought);
  const verdicts = await Promise.all(
    events.map(async (event) => {
      const key = event.signature && offered[event.signature.keyId];
      if (!event.signature || !key) return false;
      return verifyBytes(key.publicKey, signingBytes(event), event.signature.value);
    }),
  );
  const trusted: DomainEvent[] = [];
  const refused: DomainEvent[] = [];
  for (const [index, event] of events.entries()) {
    const brought = broughtBy[index]!;
    const signature = event.signature;
    const key = signature ? (keys[signature.keyId] ?? brought[signature.keyId]) : undefined;
    const selfSigned = signature !== undefined && brought[signature.keyId] !== undefined;
    const holds =
      key !== undefined &&
      key.userId === event.actor.userId &&
      (!selfSigned || event.actor.userId === event.entityId) &&
      verdicts[index] === true;
    if (!holds) {
      refused.push(event);
      continue;
    }
    Object.assign(keys, brought);
    trusted.push(event);
  }
  return { trusted, refused };
}

import { markEncryptedAtRest } from './encryptAtRest';
import type { SiagaDb } from './db';
import { saveKeyring, type Keyring } from './keyring';
import { saveHubCredentials, type HubCredentials } from './syncStore';

/**
 * What a device that joined the hospital's hub keeps: its keyring (wrapped for no one yet: the
 * first person signs in through the hub) and its hub credentials, in one transaction — a device
 * with keys but no token, or a token but no keys, could never be signed in to.
 */
export function saveJoinedDevice(
  db: SiagaDb,
  joined: { keyring: Keyring; credentials: HubCredentials; heldPlainRecords: boolean },
): Promise<void> {
  return db.transaction('rw', db.meta, async () => {
    await saveKeyring(db, joined.keyring);
    await saveHubCredentials(db, joined.credentials);
    // A new device never held a record in the clear: nothing to rewrite at the first sign-in.
    if (!joined.heldPlainRecords) await markEncryptedAtRest(db);
  });
}

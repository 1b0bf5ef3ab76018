import { join } from 'node:path';
import { keyIdOf } from '../../server/accounts/accountKeys';
import { openHubDatabase } from '../../server/db/openHubDatabase';
import type { HubProcess } from '../../tests/e2e/fixtures/hubProcess';

export type BenchAccountKey = { userId: string; name: string; role: string; publicKey: string };

/**
 * Makes the bench person an account of the hub with their signing key, as an admin's account
 * event would (decision 0010), so the hub accepts the records they sign. Written into the running
 * hub's SQLite file (WAL lets a second connection write).
 */
export function letHubKnow(hub: HubProcess, account: BenchAccountKey): void {
  const db = openHubDatabase(join(hub.dataDir, 'siaga-hub.sqlite'));
  try {
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO users (user_id, username, display_name, role, active, credentials, updated_at)
       VALUES (?, ?, ?, ?, 1, '{}', ?)`,
    ).run(account.userId, `bench-${account.role}`, account.name, account.role, now);
    db.prepare(
      `INSERT INTO signing_keys (key_id, user_id, public_key, bound_by, bound_at) VALUES (?, ?, ?, 'bench', ?)`,
    ).run(keyIdOf(account.publicKey), account.userId, account.publicKey, now);
  } finally {
    db.close();
  }
}

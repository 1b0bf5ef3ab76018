import { useLiveQuery } from 'dexie-react-hooks';
import type { UserAccount } from '@/domain';
import { getDb } from './database';
import type { SiagaDb } from './db';

/** The accounts this device knows (created here or pulled from the hub), by display name. */
export async function listUsers(db: SiagaDb): Promise<UserAccount[]> {
  const users = await db.users.toArray();
  return users.sort((a, b) => a.displayName.localeCompare(b.displayName, 'id'));
}

/** The active account with this username, if exactly one is known (duplicates are refused). */
export async function findUserByUsername(db: SiagaDb, username: string): Promise<UserAccount | undefined> {
  const matches = await db.users.where('username').equals(username.trim().toLowerCase()).toArray();
  const active = matches.filter((user) => user.active);
  return active.length === 1 ? active[0] : undefined;
}

export function getUser(db: SiagaDb, userId: string): Promise<UserAccount | undefined> {
  return db.users.get(userId);
}

export function useUsers(): UserAccount[] | undefined {
  return useLiveQuery(() => listUsers(getDb()), []);
}

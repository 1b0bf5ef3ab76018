import { createStore } from 'zustand/vanilla';
import type { Actor } from '@/domain';
import type { SiagaDb } from './db';

/**
 * Who is signed in on this device right now, in memory only. The session sets it at sign-in and
 * clears it at lock; every command takes its actor from here, so an event always names the
 * person who made it.
 */
export const accessStore = createStore<{ actor: Actor | undefined }>(() => ({ actor: undefined }));

/** Tests and benchmarks run several devices in one process: each database can have its own. */
const perDatabase = new WeakMap<SiagaDb, Actor | undefined>();

export function setCurrentActor(actor: Actor | undefined, db?: SiagaDb): void {
  if (db) perDatabase.set(db, actor);
  else accessStore.setState({ actor });
}

export function currentActor(db?: SiagaDb): Actor | undefined {
  return db && perDatabase.has(db) ? perDatabase.get(db) : accessStore.getState().actor;
}

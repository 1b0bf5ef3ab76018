import { getDb, saveRuntimeConfig } from '@/storage';
import { createSession, lazyAccountActions } from '@/session';
import { WORKLIST_ACCOUNT } from '../lib/benchAccount';
import { DEMO_CONFIG } from '../../server/demoConfig';

/**
 * The app's own database as the app uses it: set up by IT (the first time), with a recovery
 * clerk signed in, so what is seeded is encrypted like real records and the app can open it.
 */
export async function signedInAppDb(): Promise<void> {
  const db = getDb();
  await saveRuntimeConfig(db, DEMO_CONFIG, new Date());
  const session = createSession({ db });
  await session.start();
  if (session.store.getState().status === 'setUp') {
    const admin = await session.setUpDevice({
      deviceCode: 'PD1',
      displayName: 'IT Bench',
      username: 'it.bench',
      passphrase: 'lampu hijau di ruang server',
    });
    if (!admin.ok) throw new Error(`setUpDevice: ${admin.error}`);
    const created = await lazyAccountActions(db, session).createUser({
      displayName: 'Pemulihan Bench',
      role: 'recovery',
      ...WORKLIST_ACCOUNT,
    });
    if (!created.ok) throw new Error(`createUser: ${JSON.stringify(created.error)}`);
    await session.signOut();
  }
  const signedIn = await session.signIn(WORKLIST_ACCOUNT.username, WORKLIST_ACCOUNT.passphrase);
  if (!signedIn.ok) throw new Error(`signIn: ${JSON.stringify(signedIn.error)}`);
}

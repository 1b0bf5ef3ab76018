import { beforeEach, describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { followSessionLanding } from '@/app/landing';
import type { SessionState, SessionUser } from '@/session';

const nurse: SessionUser = {
  userId: 'u1',
  username: 'ners.dewi',
  displayName: 'Ners Dewi',
  role: 'clinician',
};
const admin: SessionUser = { userId: 'u0', username: 'it-pd1', displayName: 'IT PD1', role: 'admin' };

function session(initial: SessionState) {
  const store = createStore<SessionState>(() => initial);
  followSessionLanding({ store });
  return store;
}

describe('the address follows who works on the device', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('keeps the address opened at start-up (a deep link) until someone signs in', () => {
    window.history.replaceState(null, '', '/pendaftaran');
    const store = session({ status: 'starting' });
    store.setState({ status: 'signedOut' }, true);
    expect(window.location.pathname).toBe('/pendaftaran');
  });

  it('leaves the previous person’s screen on sign-out, so the next one lands in their workspace', () => {
    window.history.replaceState(null, '', '/pengaturan');
    const store = session({ status: 'unlocked', user: admin });
    store.setState({ status: 'signedOut' }, true);
    expect(window.location.pathname).toBe('/');
    store.setState({ status: 'unlocked', user: nurse }, true);
    expect(window.location.pathname).toBe('/poli');
  });

  it('takes a person who signs in on the passphrase form to their workspace', () => {
    window.history.replaceState(null, '', '/pengaturan/akun');
    const store = session({ status: 'signedOut' });
    store.setState({ status: 'unlocked', user: nurse }, true);
    expect(window.location.pathname).toBe('/poli');
  });

  it('resumes a locked screen where it was', () => {
    window.history.replaceState(null, '', '/pengaturan/akun');
    const store = session({ status: 'locked', user: nurse, reason: 'idle', pin: true });
    store.setState({ status: 'unlocked', user: nurse }, true);
    expect(window.location.pathname).toBe('/pengaturan/akun');
  });

  it('takes IT from the set-up screen to the accounts', () => {
    const store = session({ status: 'setUp', existingDeviceCode: undefined });
    store.setState({ status: 'unlocked', user: admin }, true);
    expect(window.location.pathname).toBe('/pengaturan/pengguna');
  });
});

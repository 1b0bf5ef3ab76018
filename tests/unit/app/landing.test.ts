import { describe, expect, it } from 'vitest';
import { ROLES } from '@/domain';
import { landingPath } from '@/app/landing';
import { mayOpen, paths, ROLE_WORKSPACE } from '@/features/common';

describe('where a person lands after signing in', () => {
  it('lands each role in its own workspace, never on the previous screen', () => {
    expect(landingPath('/', 'registration', 'signIn')).toBe('/pendaftaran');
    expect(landingPath('/', 'clinician', 'signIn')).toBe('/poli');
    expect(landingPath('/', 'records', 'signIn')).toBe('/rekam-medis');
    expect(landingPath('/', 'recovery', 'signIn')).toBe('/pemulihan');
    expect(landingPath('/', 'admin', 'signIn')).toBe('/insiden');
  });

  it('never lands on settings (passphrase forms), the home page or an unknown address', () => {
    for (const path of ['/pengaturan', '/pengaturan/akun', '/pengaturan/cadangan', '/', '/tidak-ada'])
      expect(landingPath(path, 'clinician', 'signIn'), path).toBe('/poli');
  });

  it('keeps a deep link the role may open, and replaces one it may not', () => {
    const incident = paths.incident('01a200db-45e0-72e0-8614-e19c7e1b942e');
    expect(landingPath(incident, 'clinician', 'signIn')).toBeUndefined();
    expect(landingPath('/pendaftaran', 'registration', 'signIn')).toBeUndefined();
    expect(landingPath('/pemulihan', 'registration', 'signIn')).toBeUndefined();
    expect(landingPath('/pendaftaran', 'admin', 'signIn')).toBe('/insiden');
    expect(landingPath('/audit', 'clinician', 'signIn')).toBe('/poli');
  });

  it('takes IT to the accounts after setting up a device: creating the staff’s accounts is next', () => {
    expect(landingPath('/pengaturan', 'admin', 'firstRun')).toBe('/pengaturan/pengguna');
    expect(landingPath('/insiden', 'admin', 'firstRun')).toBe('/pengaturan/pengguna');
  });

  it('gives every role a workspace it may open', () => {
    for (const role of ROLES) expect(mayOpen({ name: ROLE_WORKSPACE[role] }, role), role).toBe(true);
  });
});

import type { Clock } from '@/lib/clock';
import {
  saveDeviceIdentity,
  saveRuntimeConfig,
  setCurrentActor,
  rememberSigningKeys,
  setCurrentSigners,
  type SiagaDb,
} from '@/storage';
import { testActor, testSigners, testSigningKeyDirectory } from '../testAccounts';
import type { NewPatientIdentity, Role } from '@/domain';
import { DEMO_CONFIG } from '../../../server/demoConfig';

/** A clock the test moves by hand: 22 Nov 2026, 08:00 WIB, unless told otherwise. */
export function manualClock(
  start = '2026-11-22T08:00:00+07:00',
): Clock & { advance: (minutes: number) => void; set: (iso: string) => void } {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    advance: (minutes) => {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    set: (iso) => {
      now = new Date(iso);
    },
  };
}

/** A device set up as desk `PD1` with the demo hospital's configuration, someone signed in. */
export async function setUpDevice(db: SiagaDb, deviceCode = 'PD1', role: Role = 'registration') {
  await saveRuntimeConfig(db, DEMO_CONFIG, new Date('2026-11-22T00:00:00Z'));
  const device = await saveDeviceIdentity(db, deviceCode, new Date('2026-11-22T00:00:00Z'));
  const user = testActor(role);
  setCurrentActor(user, db);
  setCurrentSigners(testSigners(role), db);
  // As if the test people's account events had been pulled: their keys are known here.
  await rememberSigningKeys(db, testSigningKeyDirectory());
  return { device, user };
}

/** The person at the device changes (one shared desk PC): later events carry this role. */
export function actAs(db: SiagaDb, role: Role): Promise<void> {
  setCurrentActor(testActor(role), db);
  setCurrentSigners(testSigners(role), db);
  return Promise.resolve();
}

export const RETURNING: NewPatientIdentity = {
  kind: 'returning',
  mrn: '012345',
  nik: '3171011708450003',
  name: 'Budi Santoso',
  birthDate: '1945-08-17',
  sex: 'L',
  identityVerifiedBy: 'kib',
};

export const NEW_PATIENT: NewPatientIdentity = {
  kind: 'new',
  nik: '3273025501900001',
  name: 'Siti Aminah',
  birthDate: '1990-01-15',
  sex: 'P',
  identityVerifiedBy: 'ktp',
};

export { registration } from '../../fixtures/outageEvents';

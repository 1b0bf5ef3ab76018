import type { NewPatientIdentity, RegistrationInput } from '@/domain';
import { DEMO_CONFIG } from '../../server/demoConfig';

function identity(index: number): NewPatientIdentity {
  return {
    kind: 'new',
    name: `Pasien Uji ${index}`,
    birthDate: `19${String(50 + (index % 50)).padStart(2, '0')}-0${1 + (index % 9)}-1${index % 10}`,
    sex: index % 2 ? 'L' : 'P',
    identityVerifiedBy: 'ktp',
  };
}

/** A new patient at one of the demo polis, paying privately: the registration the benches time. */
export function newPatientRegistration(index: number): RegistrationInput {
  const poli = DEMO_CONFIG.polis[index % DEMO_CONFIG.polis.length]!;
  return {
    patient: { identity: identity(index) },
    poliCode: poli.code,
    doctorCode: poli.doctors[0]!.code,
    payer: { type: 'umum' },
    source: 'direct',
    registeredAt: { mode: 'now' },
  };
}

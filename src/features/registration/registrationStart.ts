import type { Patient, PatientKind, Visit } from '@/domain';

/**
 * How a registration begins: with a patient this device knows (and their latest visit here, to
 * start from), or with the kind of patient and what the search already typed.
 */
export type RegistrationStart =
  | { patient: Patient; lastVisit?: Visit }
  | { kind: PatientKind; prefill: { mrn?: string; nik?: string; name?: string; birthDate?: string } };

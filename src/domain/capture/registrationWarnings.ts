import { checkNik, compareNikWithPerson, NikMismatch, type Sex } from '../identifiers/nik';
import { normaliseName } from '../identifiers/patientIdentifiers';
import { isOpenVisit } from '../visits/queueRules';
import type { Patient, Visit } from '../projections/types';
import { Warning } from '../reasons';

export type PersonFacts = {
  nik?: string | undefined;
  name?: string | undefined;
  birthDate?: string | undefined;
  sex?: Sex | undefined;
};

/** Same person: the same NIK, or the same name, birth date and sex. */
export function isSamePerson(a: PersonFacts, b: PersonFacts): boolean {
  if (a.nik && b.nik) return a.nik === b.nik;
  return (
    !!a.name &&
    !!b.name &&
    normaliseName(a.name) === normaliseName(b.name) &&
    !!a.birthDate &&
    a.birthDate === b.birthDate &&
    !!a.sex &&
    a.sex === b.sex
  );
}

export type RegistrationWarning =
  | { warning: typeof Warning.NikBirthDateMismatch | typeof Warning.NikSexMismatch }
  | { warning: typeof Warning.OpenVisitToday; visit: Visit; patient: Patient };

/**
 * What the clerk should double-check before saving — never a reason to refuse: the NIK disagrees
 * with the typed birth date or sex, or the same person already has an open visit today.
 */
export function registrationWarnings(
  person: PersonFacts,
  today: readonly { visit: Visit; patient: Patient }[],
  now: Date,
): RegistrationWarning[] {
  const warnings: RegistrationWarning[] = [];
  if (person.nik) {
    const nik = checkNik(person.nik, now);
    if (nik.ok) {
      for (const mismatch of compareNikWithPerson(nik.value, {
        ...(person.birthDate ? { birthDate: person.birthDate } : {}),
        ...(person.sex ? { sex: person.sex } : {}),
      })) {
        warnings.push({
          warning: mismatch === NikMismatch.BirthDate ? Warning.NikBirthDateMismatch : Warning.NikSexMismatch,
        });
      }
    }
  }
  for (const entry of today) {
    if (isOpenVisit(entry.visit) && isSamePerson(person, entry.patient)) {
      warnings.push({ warning: Warning.OpenVisitToday, visit: entry.visit, patient: entry.patient });
    }
  }
  return warnings;
}

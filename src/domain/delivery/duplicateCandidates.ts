import type { Sex } from '../identifiers/nik';

/** A person who might be the same as a temporary patient: from the hub's records or the SIMRS's. */
export type CandidatePerson = {
  source: 'hub' | 'simrs';
  mrn?: string;
  /** The hub's patient id, for candidates the hub knows. */
  patientId?: string;
  tempNumber?: string;
  nik?: string;
  name: string;
  birthDate?: string;
  sex: Sex;
};

export type DuplicateCandidate = CandidatePerson & { match: 'nik' | 'name_birth_sex'; similarity: number };

const TITLES = /\b(tn|ny|nn|sdr|sdri|an|by|bpk|ibu|bapak|dr|drg|hj|h|ir)\b/g;

/** Lower case, titles and punctuation gone, one space between words: "Ny. SITI  Aminah" → "siti aminah". */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[.,'`-]/g, ' ')
    .replace(TITLES, ' ')
    .replace(/[^a-z ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * How alike two names are, 0–1, after normalising: spelling variants ("Siti Aminah" / "Siti
 * Aminnah"), a dropped or added word ("Siti Aminah" / "Siti Aminah Putri") and reordered words
 * score high; different people with the same first name score low.
 */
export function nameSimilarity(a: string, b: string): number {
  const left = normaliseName(a);
  const right = normaliseName(b);
  if (!left || !right) return 0;
  const sorted = (name: string) => name.split(' ').sort().join(' ');
  const whole = (x: string, y: string) => 1 - editDistance(x, y) / Math.max(x.length, y.length);
  const wordsLeft = new Set(left.split(' '));
  const wordsRight = right.split(' ');
  const shared = wordsRight.filter((word) => wordsLeft.has(word)).length;
  const contained = shared / Math.min(wordsLeft.size, wordsRight.length);
  return Math.max(whole(left, right), whole(sorted(left), sorted(right)), contained === 1 ? 0.9 : 0);
}

export const SIMILAR_NAME = 0.8;

/**
 * The rule for duplicates: the same NIK, or a similar name with the same birth date and
 * sex. Best matches first; the patient themself (same hub id) is never a candidate.
 */
export function duplicateCandidates(
  patient: { patientId: string; nik?: string; name: string; birthDate?: string; sex: Sex },
  people: readonly CandidatePerson[],
): DuplicateCandidate[] {
  const found: DuplicateCandidate[] = [];
  for (const person of people) {
    if (person.patientId === patient.patientId) continue;
    const similarity = nameSimilarity(patient.name, person.name);
    if (patient.nik && person.nik === patient.nik) found.push({ ...person, match: 'nik', similarity });
    else if (
      patient.birthDate &&
      person.birthDate === patient.birthDate &&
      person.sex === patient.sex &&
      similarity >= SIMILAR_NAME
    )
      found.push({ ...person, match: 'name_birth_sex', similarity });
  }
  return found.sort(
    (a, b) => Number(b.match === 'nik') - Number(a.match === 'nik') || b.similarity - a.similarity,
  );
}

import { Reason } from '../reasons';

/** At least 10 characters (a short sentence is easiest to remember and hardest to guess). */
export const MIN_PASSPHRASE_LENGTH = 10;

/**
 * Passphrases seen in every leak, and the obvious local ones (hospital words, greetings, keyboard
 * walks). Compared after lower-casing and removing spaces and punctuation.
 */
const COMMON = new Set([
  'password123',
  'password1234',
  'passw0rd123',
  'qwertyuiop',
  'qwerty12345',
  'qwerty123456',
  '1234567890',
  '12345678910',
  '0123456789',
  '1122334455',
  '1111111111',
  '0000000000',
  'abcdefghij',
  'abc1234567',
  'iloveyou123',
  'administrator',
  'admin12345',
  'admin123456',
  'rahasia123',
  'rahasiaku',
  'katasandi',
  'katasandi123',
  'sandi12345',
  'bismillah',
  'bismillah123',
  'alhamdulillah',
  'assalamualaikum',
  'indonesia',
  'indonesia123',
  'indonesiaraya',
  'jakarta123',
  'merdeka45',
  'merdeka1945',
  'sayangku123',
  'cintaku123',
  'rumahsakit',
  'rumahsakit123',
  'puskesmas',
  'puskesmas123',
  'simrs12345',
  'siaga12345',
  'siagasiaga',
  'perawat123',
  'dokter12345',
  'pendaftaran',
  'rekammedis',
  'rekammedis123',
  'bpjskesehatan',
  'kesehatan123',
  'selamatpagi',
  'welcome123',
  'letmein123',
  'changeme123',
  'gantipassword',
  'sementara123',
]);

const normalised = (passphrase: string) => passphrase.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');

/** Why a new passphrase is refused, or undefined when it is acceptable. */
export function passphraseProblem(passphrase: string, username?: string): Reason | undefined {
  if ([...passphrase.normalize('NFKC')].length < MIN_PASSPHRASE_LENGTH) return Reason.PassphraseTooShort;
  const plain = normalised(passphrase);
  if (COMMON.has(plain) || new Set(plain).size <= 2) return Reason.PassphraseTooCommon;
  if (username && plain.includes(normalised(username)) && plain.length - username.length < 6)
    return Reason.PassphraseTooCommon;
  return undefined;
}

/** What is wrong with a passphrase being set and its repetition, and which of the two it is. */
export type NewPassphraseProblem = { field: 'passphrase' | 'again'; reason: string };

export function newPassphraseProblem(
  passphrase: string,
  again: string,
  username?: string,
): NewPassphraseProblem | undefined {
  const weak = passphraseProblem(passphrase, username);
  if (weak) return { field: 'passphrase', reason: weak };
  return again === passphrase ? undefined : { field: 'again', reason: Reason.PassphraseMismatch };
}

/**
 * The screen-unlock PIN: 6 digits, not one digit repeated nor a run up or down. It only resumes a
 * session kept in memory; it never protects data at rest.
 */
export function pinProblem(pin: string): Reason | undefined {
  if (!/^\d{6}$/.test(pin)) return Reason.PinFormat;
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((digit, index) => digit - digits[index]!));
  if (steps.size === 1 && [...steps].every((step) => Math.abs(step) <= 1)) return Reason.PinFormat;
  return undefined;
}

import { err, ok, type Result } from '@/lib/result';
import { Reason } from '../reasons';

/**
 * Kemendagri province codes, current list including the four Papua provinces created in 2022
 * (93–96). NIKs are permanent, so people registered before a split keep their old code: both
 * stay valid.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '21',
  '31', '32', '33', '34', '35', '36',
  '51', '52', '53',
  '61', '62', '63', '64', '65',
  '71', '72', '73', '74', '75', '76',
  '81', '82',
  '91', '92', '93', '94', '95', '96',
]); // prettier-ignore

export type Sex = 'L' | 'P';

/**
 * Why a NIK cannot be right (hard errors: the number is impossible). Each is a reason code of its
 * own, so a form names the exact part that is wrong.
 */
export const NikProblem = {
  Length: Reason.NikLength,
  NotDigits: Reason.NikNotDigits,
  UnknownProvince: Reason.NikUnknownProvince,
  ZeroRegion: Reason.NikZeroRegion,
  InvalidDay: Reason.NikInvalidDay,
  InvalidMonth: Reason.NikInvalidMonth,
  ImpossibleDate: Reason.NikImpossibleDate,
  ZeroSerial: Reason.NikZeroSerial,
} as const;
export type NikProblem = (typeof NikProblem)[keyof typeof NikProblem];

/** Where the NIK disagrees with what was typed for the person (warnings: data errors exist). */
export const NikMismatch = { BirthDate: 'nikBirthDateMismatch', Sex: 'nikSexMismatch' } as const;
export type NikMismatch = (typeof NikMismatch)[keyof typeof NikMismatch];

export type NikInfo = {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  day: number;
  month: number;
  /** Two-digit year; the century is not in the NIK. */
  yearOfCentury: number;
  sex: Sex;
  serial: string;
};

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Reads a NIK — `PP KK CC DDMMYY SSSS`: province, regency, district, birth date (day + 40 for
 * women), serial — and reports every impossible part. There is no check digit, so these semantic
 * checks are all that can catch a typo.
 */
export function checkNik(nik: string, today: Date): Result<NikInfo, NikProblem[]> {
  if (!/^\d*$/.test(nik)) return err([NikProblem.NotDigits]);
  if (nik.length !== 16) return err([NikProblem.Length]);
  const problems: NikProblem[] = [];
  const provinceCode = nik.slice(0, 2);
  const regencyCode = nik.slice(2, 4);
  const districtCode = nik.slice(4, 6);
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yearOfCentury = Number(nik.slice(10, 12));
  const serial = nik.slice(12);

  if (!PROVINCE_CODES.has(provinceCode)) problems.push(NikProblem.UnknownProvince);
  if (regencyCode === '00' || districtCode === '00') problems.push(NikProblem.ZeroRegion);
  const isFemale = rawDay >= 41 && rawDay <= 71;
  const day = isFemale ? rawDay - 40 : rawDay;
  const dayValid = (rawDay >= 1 && rawDay <= 31) || isFemale;
  if (!dayValid) problems.push(NikProblem.InvalidDay);
  const monthValid = month >= 1 && month <= 12;
  if (!monthValid) problems.push(NikProblem.InvalidMonth);
  if (dayValid && monthValid) {
    const possible = [1900, 2000].some((century) => {
      const year = century + yearOfCentury;
      return isRealDate(year, month, day) && Date.UTC(year, month - 1, day) <= today.getTime();
    });
    if (!possible) problems.push(NikProblem.ImpossibleDate);
  }
  if (serial === '0000') problems.push(NikProblem.ZeroSerial);

  if (problems.length > 0) return err(problems);
  return ok({
    provinceCode,
    regencyCode,
    districtCode,
    day,
    month,
    yearOfCentury,
    sex: isFemale ? 'P' : 'L',
    serial,
  });
}

/**
 * The birth date a valid NIK states, as `YYYY-MM-DD`. The NIK gives only two digits of the year:
 * the latest century that does not put the birth in the future (a NIK ending in 10 is 2010, not
 * 1910). A clerk can still change it; this only saves typing what the card already says.
 */
export function birthDateOfNik(info: NikInfo, today: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const recent = 2000 + info.yearOfCentury;
  const year = Date.UTC(recent, info.month - 1, info.day) <= today.getTime() ? recent : recent - 100;
  return `${year}-${pad(info.month)}-${pad(info.day)}`;
}

/** Compares a valid NIK with the birth date (`YYYY-MM-DD`) and sex typed for the person. */
export function compareNikWithPerson(
  info: NikInfo,
  person: { birthDate?: string; sex?: Sex },
): NikMismatch[] {
  const mismatches: NikMismatch[] = [];
  if (person.birthDate) {
    const [year, month, day] = person.birthDate.split('-').map(Number);
    if (year === undefined || year % 100 !== info.yearOfCentury || month !== info.month || day !== info.day) {
      mismatches.push(NikMismatch.BirthDate);
    }
  }
  if (person.sex && person.sex !== info.sex) mismatches.push(NikMismatch.Sex);
  return mismatches;
}

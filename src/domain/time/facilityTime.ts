import type { FacilityTimeZone } from '../config/runtimeConfigSchema';

/**
 * Indonesia keeps no daylight saving time, so each facility zone is a fixed offset from UTC.
 * Times are stored as ISO 8601 with that offset (what staff read on the wall clock) and
 * converted to UTC only when building payloads for SATUSEHAT or BPJS.
 */
export const ZONE_OFFSET_MINUTES: Record<FacilityTimeZone, number> = {
  'Asia/Jakarta': 7 * 60,
  'Asia/Makassar': 8 * 60,
  'Asia/Jayapura': 9 * 60,
};

/** The abbreviation staff use: WIB, WITA, WIT. */
export const ZONE_ABBREVIATION: Record<FacilityTimeZone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Wall-clock parts of an instant in the facility zone (UTC fields of a shifted date). */
function shifted(at: Date, zone: FacilityTimeZone): Date {
  return new Date(at.getTime() + ZONE_OFFSET_MINUTES[zone] * 60_000);
}

/** `2026-11-22T08:12:00.000+07:00` for an instant in Asia/Jakarta. */
export function toFacilityIso(at: Date, zone: FacilityTimeZone): string {
  const local = shifted(at, zone);
  const offset = ZONE_OFFSET_MINUTES[zone];
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `.${pad(local.getUTCMilliseconds(), 3)}+${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`
  );
}

/** The facility's calendar date (`2026-11-22`) of an instant: the "service date" of a visit. */
export function facilityDate(at: Date | string, zone: FacilityTimeZone): string {
  const local = shifted(typeof at === 'string' ? new Date(at) : at, zone);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
}

/** `08:12` in the facility zone. */
export function facilityClock(at: Date | string, zone: FacilityTimeZone): string {
  const local = shifted(typeof at === 'string' ? new Date(at) : at, zone);
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/**
 * The instant a wall-clock date and time in the facility zone denote, or `undefined` when the
 * text is not a real date/time (e.g. 2026-02-30 or 25:00).
 */
export function fromFacilityLocal(date: string, time: string, zone: FacilityTimeZone): Date | undefined {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dateMatch || !timeMatch) return undefined;
  const [year, month, day] = [Number(dateMatch[1]), Number(dateMatch[2]), Number(dateMatch[3])];
  const [hours, minutes] = [Number(timeMatch[1]), Number(timeMatch[2])];
  if (hours > 23 || minutes > 59) return undefined;
  const utc = Date.UTC(year, month - 1, day, hours, minutes) - ZONE_OFFSET_MINUTES[zone] * 60_000;
  const result = new Date(utc);
  return facilityDate(result, zone) === date ? result : undefined;
}

/** `yymmdd` of the facility date, as used in temporary numbers and slip numbers. */
export function compactFacilityDate(at: Date | string, zone: FacilityTimeZone): string {
  return facilityDate(at, zone).slice(2).replaceAll('-', '');
}

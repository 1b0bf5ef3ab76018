import { facilityClock, facilityDate, ZONE_ABBREVIATION, type FacilityTimeZone } from '@/domain';

/** `22/11/2026 08:12 WIB`: how staff read a captured time, always in the facility zone. */
export function formatFacilityDateTime(iso: string, zone: FacilityTimeZone): string {
  const [year, month, day] = facilityDate(iso, zone).split('-');
  return `${day}/${month}/${year} ${facilityClock(iso, zone)} ${ZONE_ABBREVIATION[zone]}`;
}

/** `08:12` */
export function formatFacilityTime(iso: string, zone: FacilityTimeZone): string {
  return facilityClock(iso, zone);
}

/** `2026-11-22` → `22/11/2026` */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

const pad2 = (value: number) => String(value).padStart(2, '0');

/** A countdown as a clock reads it: `42:05`, `1:02:05` (whole seconds; the sign is dropped). */
export function formatCountdown(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const rest = `${pad2(Math.floor(total / 60) % 60)}:${pad2(total % 60)}`;
  return hours > 0 ? `${hours}:${rest}` : rest;
}

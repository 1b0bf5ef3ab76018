import { describe, expect, it } from 'vitest';
import { compactFacilityDate, facilityClock, facilityDate, fromFacilityLocal, toFacilityIso } from '@/domain';

describe('facility time', () => {
  const instant = new Date('2026-11-21T23:30:00Z');

  it.each([
    ['Asia/Jakarta', '2026-11-22T06:30:00.000+07:00'],
    ['Asia/Makassar', '2026-11-22T07:30:00.000+08:00'],
    ['Asia/Jayapura', '2026-11-22T08:30:00.000+09:00'],
  ] as const)('writes an instant in %s with its fixed offset', (zone, iso) => {
    expect(toFacilityIso(instant, zone)).toBe(iso);
    expect(Date.parse(iso)).toBe(instant.getTime());
  });

  it('gives the facility calendar date, which differs from UTC around midnight', () => {
    expect(facilityDate(instant, 'Asia/Jakarta')).toBe('2026-11-22');
    expect(facilityDate(new Date('2026-11-22T16:59:00Z'), 'Asia/Jakarta')).toBe('2026-11-22');
    expect(facilityDate(new Date('2026-11-22T17:00:00Z'), 'Asia/Jakarta')).toBe('2026-11-23');
    expect(compactFacilityDate(instant, 'Asia/Jayapura')).toBe('261122');
    expect(facilityClock('2026-11-22T08:05:00.000+07:00', 'Asia/Makassar')).toBe('09:05');
  });

  it('reads a typed wall-clock time in the facility zone and rejects impossible ones', () => {
    expect(fromFacilityLocal('2026-11-22', '08:12', 'Asia/Makassar')?.toISOString()).toBe(
      '2026-11-22T00:12:00.000Z',
    );
    expect(fromFacilityLocal('2026-02-30', '08:00', 'Asia/Jakarta')).toBeUndefined();
    expect(fromFacilityLocal('2026-11-22', '24:00', 'Asia/Jakarta')).toBeUndefined();
    expect(fromFacilityLocal('22/11/2026', '08:00', 'Asia/Jakarta')).toBeUndefined();
  });
});

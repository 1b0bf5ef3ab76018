import { describe, expect, it } from 'vitest';
import { birthDateOfNik, checkNik, compareNikWithPerson, NikMismatch, NikProblem } from '@/domain';

const TODAY = new Date('2026-11-22T00:00:00Z');

describe('checkNik', () => {
  it('reads a valid male NIK: region, birth date and sex', () => {
    const result = checkNik('3171011708450003', TODAY);
    expect(result).toEqual({
      ok: true,
      value: {
        provinceCode: '31',
        regencyCode: '71',
        districtCode: '01',
        day: 17,
        month: 8,
        yearOfCentury: 45,
        sex: 'L',
        serial: '0003',
      },
    });
  });

  it('reads a valid female NIK: day plus 40', () => {
    const result = checkNik('3273025501900001', TODAY);
    expect(result.ok && result.value).toMatchObject({ day: 15, month: 1, yearOfCentury: 90, sex: 'P' });
  });

  it('accepts the Papua provinces created in 2022', () => {
    expect(checkNik('9601011201950001', TODAY).ok).toBe(true);
  });

  it.each([
    ['317101170845000', [NikProblem.Length]],
    ['31710117084500031', [NikProblem.Length]],
    ['3171O11708450003', [NikProblem.NotDigits]],
    ['', [NikProblem.Length]],
  ])('rejects %s for its length or characters', (nik, problems) => {
    expect(checkNik(nik, TODAY)).toEqual({ ok: false, error: problems });
  });

  it('rejects impossible parts, each named', () => {
    expect(checkNik('2071011708450003', TODAY)).toEqual({ ok: false, error: [NikProblem.UnknownProvince] });
    expect(checkNik('3100011708450003', TODAY)).toEqual({ ok: false, error: [NikProblem.ZeroRegion] });
    expect(checkNik('3171013208450003', TODAY)).toEqual({ ok: false, error: [NikProblem.InvalidDay] });
    expect(checkNik('3171017208450003', TODAY)).toEqual({ ok: false, error: [NikProblem.InvalidDay] });
    expect(checkNik('3171011713450003', TODAY)).toEqual({ ok: false, error: [NikProblem.InvalidMonth] });
    expect(checkNik('3171011708450000', TODAY)).toEqual({ ok: false, error: [NikProblem.ZeroSerial] });
  });

  it('rejects a date that exists in no century (31 February, or 70 = 30 for women in February)', () => {
    expect(checkNik('3171013102900001', TODAY)).toEqual({ ok: false, error: [NikProblem.ImpossibleDate] });
    expect(checkNik('3171017002900001', TODAY)).toEqual({ ok: false, error: [NikProblem.ImpossibleDate] });
  });

  it('accepts 29 February only when one century makes it a leap year', () => {
    expect(checkNik('3171012902000001', TODAY).ok).toBe(true); // 2000 is a leap year
    expect(checkNik('3171012902010001', TODAY)).toEqual({ ok: false, error: [NikProblem.ImpossibleDate] });
  });

  it('accepts a birth date only in a century where it is not in the future', () => {
    // 01-12-26: 2026-12-01 is future, 1926-12-01 is past: valid.
    expect(checkNik('3171010112260001', TODAY).ok).toBe(true);
  });

  it('reports every problem at once', () => {
    expect(checkNik('9900003213450000', TODAY)).toEqual({
      ok: false,
      error: [
        NikProblem.UnknownProvince,
        NikProblem.ZeroRegion,
        NikProblem.InvalidDay,
        NikProblem.InvalidMonth,
        NikProblem.ZeroSerial,
      ],
    });
  });
});

describe('compareNikWithPerson', () => {
  const male = checkNik('3171011708450003', TODAY);
  const info = male.ok ? male.value : undefined;

  it('finds no mismatch when birth date and sex agree', () => {
    expect(compareNikWithPerson(info!, { birthDate: '1945-08-17', sex: 'L' })).toEqual([]);
  });

  it('warns when the birth date or the sex disagree', () => {
    expect(compareNikWithPerson(info!, { birthDate: '1945-08-18', sex: 'P' })).toEqual([
      NikMismatch.BirthDate,
      NikMismatch.Sex,
    ]);
    expect(compareNikWithPerson(info!, { birthDate: '1955-08-17' })).toEqual([NikMismatch.BirthDate]);
  });
});

describe('birthDateOfNik', () => {
  const birthDate = (nik: string) => {
    const checked = checkNik(nik, TODAY);
    if (!checked.ok) throw new Error(nik);
    return birthDateOfNik(checked.value, TODAY);
  };

  it('gives the birth date the NIK states, day minus 40 for women', () => {
    expect(birthDate('3171011708450003')).toBe('1945-08-17');
    expect(birthDate('3273025501900001')).toBe('1990-01-15');
  });

  it('takes the latest century that is not in the future', () => {
    expect(birthDate('3171010512100001')).toBe('2010-12-05');
    expect(birthDate('3171012012260001')).toBe('1926-12-20'); // 20 Dec 2026 has not come yet
    expect(birthDate('3171012111260001')).toBe('2026-11-21');
  });
});

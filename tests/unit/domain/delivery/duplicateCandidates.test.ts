import { describe, expect, it } from 'vitest';
import {
  duplicateCandidates,
  nameSimilarity,
  normaliseName,
  type CandidatePerson,
} from '@/domain/delivery/duplicateCandidates';

const patient = { patientId: 'p-new', name: 'Siti Aminah', birthDate: '1990-04-02', sex: 'P' as const };
const person = (overrides: Partial<CandidatePerson>): CandidatePerson => ({
  source: 'simrs',
  name: 'Siti Aminah',
  birthDate: '1990-04-02',
  sex: 'P',
  ...overrides,
});

describe('duplicate candidates for a temporary patient', () => {
  it('normalises names the way desks write them', () => {
    expect(normaliseName('Ny. SITI  Aminah')).toBe('siti aminah');
    expect(normaliseName("Tn. Muh'd Ali-Akbar")).toBe('muh d ali akbar');
  });

  it('scores spelling variants, extra words and reordering high, other people low', () => {
    expect(nameSimilarity('Siti Aminah', 'Siti Aminnah')).toBeGreaterThanOrEqual(0.8);
    expect(nameSimilarity('Siti Aminah', 'Siti Aminah Putri')).toBeGreaterThanOrEqual(0.8);
    expect(nameSimilarity('Aminah Siti', 'Ny. Siti Aminah')).toBe(1);
    expect(nameSimilarity('Siti Aminah', 'Siti Rahma')).toBeLessThan(0.8);
    expect(nameSimilarity('Budi', 'Dewi')).toBeLessThan(0.8);
  });

  it('finds the same NIK whatever the name, and a similar name only with the same birth date and sex', () => {
    const candidates = duplicateCandidates({ ...patient, nik: '3171234567890003' }, [
      person({ mrn: '000111', name: 'S. Aminah binti Umar', nik: '3171234567890003' }),
      person({ mrn: '000222', name: 'Siti Aminnah' }),
      person({ mrn: '000333', name: 'Siti Aminah', birthDate: '1991-04-02' }),
      person({ mrn: '000444', name: 'Siti Aminah', sex: 'L' }),
      person({ mrn: '000555', name: 'Siti Rahma' }),
      person({ source: 'hub', patientId: 'p-new' }),
    ]);
    expect(candidates.map((candidate) => [candidate.mrn, candidate.match])).toEqual([
      ['000111', 'nik'],
      ['000222', 'name_birth_sex'],
    ]);
  });

  it('finds nobody for a patient without NIK or birth date', () => {
    expect(
      duplicateCandidates({ patientId: 'x', name: 'Tanpa Nama', sex: 'L' }, [person({ sex: 'L' })]),
    ).toEqual([]);
  });
});

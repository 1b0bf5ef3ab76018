import { describe, expect, it } from 'vitest';
import { backEntryCsv, backEntryDetailsText, backEntryRows } from '@/domain/delivery/backEntryWorklist';
import { formatDecimal } from '@/i18n/formatters';
import { planVisitDeliveries } from '@/domain/delivery/planVisitDeliveries';
import { uuidv7 } from '@/lib/ids';
import { DEMO_CONFIG } from '../../../../server/demoConfig';
import { outageDay, registrationAt } from '../../../fixtures/outageEvents';
import { eventAt } from '../eventFactory';
import { testActor } from '../../testAccounts';
import { RM12_SAMPLE } from '../rm12Sample';

const facility = { code: DEMO_CONFIG.facility.code, timeZone: DEMO_CONFIG.facility.timeZone };

describe('the back-entry worklist', () => {
  it('lists what to type, visit by visit step, in the real order of the services', () => {
    const day = outageDay({ visits: 3, seed: 12 });
    const first = day.arrivalOrder[0]!;
    const signed = eventAt('assessment.signed', uuidv7(), '10:00', {
      visitId: first,
      template: 'rm12@1',
      version: 1,
      content: RM12_SAMPLE,
      startedAt: '2026-11-23T07:20:00.000+07:00',
      completedAt: '2026-11-23T07:25:00.000+07:00',
      clinician: { doctorCode: 'D001', name: 'dr. Ratna Sari' },
      attestation: true,
    });
    const fresh = registrationAt(
      { kind: 'new', name: 'Budi Santoso', sex: 'L', birthDate: '1980-02-03', identityVerifiedBy: 'ktp' },
      '2026-11-23T07:01:30+07:00',
    );
    const planned = planVisitDeliveries({ events: [...day.events, signed, ...fresh.events], facility });
    const rows = backEntryRows(planned, '2026-11-23T07:00:00+07:00', '2026-11-23T23:59:00+07:00');

    const times = rows.map((row) => Date.parse(row.at.utc));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const ofFirst = rows.filter((row) => row.visitId === first).map((row) => row.kind);
    // Each step once, where its real time puts it (the RM 1.2 was signed at 07:25, whenever service ended).
    expect([...ofFirst].sort()).toEqual([
      'diagnosis',
      'register_visit',
      'request_record',
      'service_end',
      'service_start',
      'vitals',
    ]);
    expect(ofFirst.indexOf('vitals') + 1).toBe(ofFirst.indexOf('diagnosis'));
    const ofNew = rows.filter((row) => row.visitId === fresh.visitId);
    expect(ofNew.map((row) => row.kind)).toEqual(['register_patient', 'register_visit']);
    expect(ofNew[0]!.tempNumber).toBe(fresh.tempNumber);
    expect(rows.find((row) => row.kind === 'vitals')!.details).toMatchObject({
      td: expect.stringMatching(/^\d+\/\d+$/),
    });
    // Who measured (the signer) and which doctor examined are two people, both named.
    expect(rows.find((row) => row.kind === 'vitals')!.details.petugas).toBe(testActor('clinician').name);
    expect(rows.find((row) => row.kind === 'diagnosis')!.details.dokter).toBe('dr. Ratna Sari');
    expect(new Set(rows.map((row) => row.rowId)).size).toBe(rows.length);

    // Outside the window: nothing.
    expect(backEntryRows(planned, '2026-11-24T00:00:00+07:00', '2026-11-24T23:00:00+07:00')).toEqual([]);

    const csv = backEntryCsv(rows.slice(0, 2), {
      header: ['No', 'Jam', 'Apa', 'Antrean', 'Pasien', 'RM', 'Poli', 'Isian', 'Sudah'],
      kind: (kind) => kind,
      done: (rowId) => rowId === rows[0]!.rowId,
      number: (value) => formatDecimal(value, 'id'),
    });
    const lines = csv.replace('\uFEFF', '').trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]!.split(';')[0]).toBe('1');
    expect(lines[1]!.endsWith(';✓')).toBe(true);
    expect(lines[2]!.endsWith(';')).toBe(true);
  });

  it('writes the numbers to type in the language on screen, the codes as they are', () => {
    const details = { td: '120/80', nadi: '88', suhu: '37.5', icd10: 'J06.9 ISPA', petugas: 'Ners Dewi' };
    expect(backEntryDetailsText(details, (value) => formatDecimal(value, 'id'))).toBe(
      'td 120/80, nadi 88, suhu 37,5, icd10 J06.9 ISPA, petugas Ners Dewi',
    );
    expect(backEntryDetailsText(details, (value) => formatDecimal(value, 'en'))).toContain('suhu 37.5,');
  });
});

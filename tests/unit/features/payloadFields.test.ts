import { describe, expect, it } from 'vitest';
import { isEditable, payloadLeaves, withEdits } from '@/features/recovery/payloadFields';

const payload = {
  patientId: '01a200db-45e0-72e0-8614-e19c7e1b942e',
  poliCode: 'MAT',
  payer: { type: 'bpjs', cardNo: '0001234567890' },
  ticket: { prefix: 'F', deviceCode: 'PD1', sequence: 1 },
  estimatedAgeYears: 40,
  paperForm: false,
};

describe('correcting a refused payload', () => {
  it('lists every leaf by its path, in document order', () => {
    expect(payloadLeaves(payload).map((leaf) => leaf.path)).toEqual([
      'patientId',
      'poliCode',
      'payer.type',
      'payer.cardNo',
      'ticket.prefix',
      'ticket.deviceCode',
      'ticket.sequence',
      'estimatedAgeYears',
      'paperForm',
    ]);
  });

  it('never lists key material: an account’s verifier and salt stay out of every screen', () => {
    const account = {
      username: 'dewi.it',
      displayName: 'Dewi',
      role: 'admin',
      credentials: {
        kdf: { algorithm: 'PBKDF2-SHA256', iterations: 600_000, salt: 'c2FsdA' },
        verifier: 'dmVyaWZpZXI',
      },
    };
    expect(payloadLeaves(account).map((leaf) => leaf.path)).toEqual(['username', 'displayName', 'role']);
  });

  it('keeps identifying fields out of the form unless the hub refused exactly that field', () => {
    const editable = payloadLeaves(payload)
      .filter((leaf) => isEditable(leaf.path, 'poliCode'))
      .map((leaf) => leaf.path);
    expect(editable).toEqual(['poliCode', 'payer.type', 'payer.cardNo', 'estimatedAgeYears', 'paperForm']);
    expect(isEditable('ticket.sequence', 'ticket.sequence')).toBe(true);
  });

  it('applies edits with the type each leaf had, without touching the original', () => {
    const edited = withEdits(
      payload,
      new Map([
        ['poliCode', 'UMU'],
        ['estimatedAgeYears', '41'],
        ['paperForm', 'true'],
        ['payer.cardNo', ''],
      ]),
    );
    expect(edited).toEqual({
      ...payload,
      poliCode: 'UMU',
      estimatedAgeYears: 41,
      paperForm: true,
      payer: { type: 'bpjs' },
    });
    expect(payload.poliCode).toBe('MAT');
  });
});

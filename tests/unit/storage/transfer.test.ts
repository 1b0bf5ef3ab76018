import { describe, expect, it } from 'vitest';
import { TRANSFER_PREFIX } from '@/domain';
import { compressToText } from '@/lib/compression';
import { getSlip, getVisit, importTransferText, registerVisit, slipTransferText } from '@/storage';
import { useTestDb } from '../dbTestUtils';
import { manualClock, registration, RETURNING, setUpDevice } from './captureFixture';
import { journalIn } from '@/storage';

describe('slip hand-over by QR code', () => {
  const makeDb = useTestDb();

  it('carries the slip with its visit and patient to a device that has never seen them, once', async () => {
    const desk = makeDb();
    await setUpDevice(desk);
    const plan = await registerVisit(desk, registration(RETURNING), manualClock());
    if (!plan.ok) throw new Error('registration failed');
    const slip = (await getSlip(desk, plan.value.slipId!))!;
    const text = await slipTransferText(desk, slip);
    expect(text.startsWith(TRANSFER_PREFIX)).toBe(true);
    expect(text.length).toBeLessThan(2_000); // fits a QR code a phone camera reads off paper

    const recordsRoom = makeDb();
    await setUpDevice(recordsRoom, 'RM1', 'records');
    const first = await importTransferText(recordsRoom, text);
    expect(first.ok && first.value.added.map((event) => event.type)).toEqual([
      'patient.registered',
      'visit.registered',
      'slip.requested',
    ]);
    expect(await getSlip(recordsRoom, slip.id)).toEqual(slip);
    expect((await getVisit(recordsRoom, plan.value.visitId))?.ticketLabel).toBe('A-001');
    expect(await journalIn(recordsRoom, 'pending').count()).toBe(3);

    const again = await importTransferText(recordsRoom, text);
    expect(again).toEqual({ ok: true, value: { added: [], alreadyPresent: 3 } });
  });

  it('refuses text that is not ours, damaged, or not valid events — and stores nothing', async () => {
    const db = makeDb();
    expect(await importTransferText(db, 'https://example.com')).toEqual({ ok: false, error: 'notSiaga' });
    expect(await importTransferText(db, `${TRANSFER_PREFIX}@@not-base64@@`)).toEqual({
      ok: false,
      error: 'unreadable',
    });
    const forged = `${TRANSFER_PREFIX}${await compressToText(JSON.stringify({ v: 1, events: [{ type: 'visit.registered', id: 'x' }] }))}`;
    expect(await importTransferText(db, forged)).toEqual({ ok: false, error: 'invalid' });
    expect(await db.journal.count()).toBe(0);
  });
});

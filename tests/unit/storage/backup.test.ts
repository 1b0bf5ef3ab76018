import { describe, expect, it } from 'vitest';
import { exportBackup, getVisit, importBackup, registerVisit } from '@/storage';
import { useTestDb } from '../dbTestUtils';
import { manualClock, NEW_PATIENT, registration, RETURNING, setUpDevice } from './captureFixture';
import { journalIn } from '@/storage';

const PASSPHRASE = 'cadangan tablet poli anak';

describe('encrypted backup of unsynced events', () => {
  const makeDb = useTestDb();

  async function tabletWithUnsyncedWork() {
    const tablet = makeDb();
    await setUpDevice(tablet, 'TB1');
    const clock = manualClock();
    const first = await registerVisit(tablet, registration(RETURNING), clock);
    const second = await registerVisit(tablet, registration(NEW_PATIENT), clock);
    if (!first.ok || !second.ok) throw new Error('registration failed');
    // The hub already confirmed the first registration's events: they are not in the backup.
    const acked = await tablet.journal.where('entityId').equals(first.value.visitId).primaryKeys();
    await tablet.journal.where('id').anyOf(acked).modify({ syncState: 'acked' });
    return { tablet, visitIds: [first.value.visitId, second.value.visitId] };
  }

  it('restores exactly the unsynced events on a fresh device, once, and audits both ends', async () => {
    const { tablet, visitIds } = await tabletWithUnsyncedWork();
    const unsynced = (await journalIn(tablet, 'pending', 'review').sortBy('localSeq')).map((row) => row.id);

    const exported = await exportBackup(tablet, PASSPHRASE);
    if (!exported.ok) throw new Error(exported.error);
    expect(exported.value.header).toMatchObject({ deviceCode: 'TB1', eventCount: unsynced.length });
    expect(exported.value.fileText).not.toMatch(/Santoso|Aminah|3171|012345/i); // nothing in the clear
    const exportAudit = await tablet.journal.where('type').equals('audit.recorded').last();
    expect(exportAudit?.syncState).toBe('pending');

    const spare = makeDb();
    await setUpDevice(spare, 'TB2');
    const before = new Set(await spare.journal.toCollection().primaryKeys());
    const imported = await importBackup(spare, exported.value.fileText, PASSPHRASE);
    if (!imported.ok) throw new Error(imported.error);
    expect(imported.value).toMatchObject({ added: unsynced.length, alreadyPresent: 0 });
    expect(imported.value.addedByType['visit.registered']).toBe(1);
    const added = (await spare.journal.orderBy('localSeq').toArray()).filter(
      (row) => !before.has(row.id) && row.origin === 'import',
    );
    expect(added.map((row) => row.id)).toEqual(unsynced);
    expect(added.every((row) => row.syncState === 'pending')).toBe(true);
    expect(await getVisit(spare, visitIds[1]!)).toBeDefined();
    expect(await getVisit(spare, visitIds[0]!)).toBeUndefined(); // acknowledged: the hub has it

    const again = await importBackup(spare, exported.value.fileText, PASSPHRASE);
    expect(again.ok && again.value).toMatchObject({ added: 0, alreadyPresent: unsynced.length });
    const audits = await spare.journal.where('type').equals('audit.recorded').count();
    expect(audits).toBeGreaterThanOrEqual(2);
  });

  it('refuses a wrong passphrase, an edited header, a foreign file — and stores nothing', async () => {
    const { tablet } = await tabletWithUnsyncedWork();
    const exported = await exportBackup(tablet, PASSPHRASE);
    if (!exported.ok) throw new Error(exported.error);
    const spare = makeDb();
    await setUpDevice(spare, 'TB2');
    const count = await spare.journal.count();

    expect(await importBackup(spare, exported.value.fileText, 'bukan kata sandinya')).toEqual({
      ok: false,
      error: 'wrongPassphrase',
    });
    const edited = { ...JSON.parse(exported.value.fileText), deviceCode: 'XX9' };
    expect(await importBackup(spare, JSON.stringify(edited), PASSPHRASE)).toEqual({
      ok: false,
      error: 'wrongPassphrase', // the header is bound to the box: it no longer opens
    });
    const box = JSON.parse(exported.value.fileText).box as { ct: string };
    const flipped = {
      ...JSON.parse(exported.value.fileText),
      box: { ...box, ct: `${box.ct.startsWith('A') ? 'B' : 'A'}${box.ct.slice(1)}` },
    };
    expect((await importBackup(spare, JSON.stringify(flipped), PASSPHRASE)).ok).toBe(false);
    expect(await importBackup(spare, '{"hello":1}', PASSPHRASE)).toEqual({ ok: false, error: 'notSiaga' });
    expect(await importBackup(spare, 'not json', PASSPHRASE)).toEqual({ ok: false, error: 'unreadable' });
    const wrongShape = { ...JSON.parse(exported.value.fileText), eventCount: -1 };
    expect(await importBackup(spare, JSON.stringify(wrongShape), PASSPHRASE)).toEqual({
      ok: false,
      error: 'invalid',
    });
    expect(await spare.journal.count()).toBe(count);
  });
});

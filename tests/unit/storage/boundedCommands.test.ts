import { describe, expect, it } from 'vitest';
import { RM12_SAMPLE } from '../domain/rm12Sample';
import { outageDay } from '../../fixtures/outageEvents';
import {
  appendEvents,
  moveInQueue,
  moveSlip,
  registerVisit,
  requestSlip,
  signAssessment,
  type SiagaDb,
} from '@/storage';
import { useTestDb } from '../dbTestUtils';
import { actAs, manualClock, registration, RETURNING, setUpDevice } from './captureFixture';
import { countRowReads, type RowReads } from './rowReads';

/** Days of the hospital's work this desk has pulled before the day the commands run. */
const SMALL_HISTORY_DAYS = 1;
const LARGE_HISTORY_DAYS = 8;

const expectOk = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

/**
 * The rows each capture command of a desk's and a clinic's day reads, per table: the same on a
 * device holding one day of the hospital's work as on one holding eight. A command bounded by the
 * entities it touches reads the same rows whatever else the journal holds; one that scans (every
 * counter, every acknowledged row) reads more on the larger device and fails this test.
 */
describe('a capture command reads the rows of what it touches, not the journal', () => {
  const makeDb = useTestDb();

  async function deviceWithHistory(days: number): Promise<{ db: SiagaDb; reads: RowReads }> {
    const db = makeDb();
    const reads = countRowReads(db);
    await setUpDevice(db, 'PD9');
    for (let day = 1; day <= days; day += 1) {
      const date = `2026-11-${String(22 - day).padStart(2, '0')}`;
      const { events } = outageDay({ visits: 60, seed: day, day: date, clinical: true });
      await appendEvents(db, events, { origin: 'remote' });
    }
    return { db, reads };
  }

  /** One day's capture at the desk, the records room and the clinic, each step's reads recorded. */
  async function captureDay({ db, reads }: { db: SiagaDb; reads: RowReads }) {
    const clock = manualClock();
    const steps: Record<string, Record<string, number>> = {};
    const step = async <T>(name: string, command: () => Promise<T>): Promise<T> => {
      reads.reset();
      const result = await command();
      steps[name] = reads.byTable();
      return result;
    };
    const first = expectOk(
      await step('register a returning patient', () => registerVisit(db, registration(RETURNING), clock)),
    );
    clock.advance(5);
    const second = expectOk(
      await step('register the same patient at a second poli', () =>
        registerVisit(
          db,
          {
            ...registration(RETURNING),
            patient: { patientId: first.patientId },
            poliCode: 'ANA',
            doctorCode: 'D010',
          },
          clock,
        ),
      ),
    );
    clock.advance(5);
    await actAs(db, 'records');
    expectOk(
      await step('find the record', () =>
        moveSlip(
          db,
          first.slipId!,
          { move: 'found', source: 'paper_folder' },
          { mode: 'now' },
          'direct',
          clock,
        ),
      ),
    );
    expectOk(
      await step('send the record', () =>
        moveSlip(
          db,
          first.slipId!,
          { move: 'sent', rm12BlankIssued: true },
          { mode: 'now' },
          'direct',
          clock,
        ),
      ),
    );
    await actAs(db, 'registration');
    expectOk(
      await step('raise a slip by hand', () => requestSlip(db, second.visitId, { mode: 'now' }, clock)),
    );
    clock.advance(5);
    expectOk(
      await step('call the patient', () =>
        moveInQueue(db, first.visitId, { move: 'called', when: { mode: 'now' }, source: 'direct' }, clock),
      ),
    );
    clock.advance(10);
    await actAs(db, 'clinician');
    expectOk(
      await step('sign the RM 1.2', () =>
        signAssessment(
          db,
          first.visitId,
          {
            content: RM12_SAMPLE,
            startedAt: { mode: 'now' },
            completedAt: { mode: 'now' },
            clinician: { doctorCode: 'D001', name: 'dr. Ratna Sari' },
            source: 'direct',
            attestation: true,
          },
          clock,
        ),
      ),
    );
    await actAs(db, 'registration');
    expectOk(
      await step('cancel the second visit', () =>
        moveInQueue(
          db,
          second.visitId,
          { move: 'cancel', when: { mode: 'now' }, source: 'direct', reason: 'Pasien pulang' },
          clock,
        ),
      ),
    );
    return steps;
  }

  it('reads the same rows with eight days of the hospital on the device as with one', async () => {
    const small = await captureDay(await deviceWithHistory(SMALL_HISTORY_DAYS));
    const large = await captureDay(await deviceWithHistory(LARGE_HISTORY_DAYS));
    expect(large).toEqual(small);
    // The counting sees the reads: a registration reads its patient's and its counters' rows.
    expect(small['register the same patient at a second poli']).toMatchObject({
      patients: expect.any(Number),
      counters: expect.any(Number),
      journal: expect.any(Number),
    });
    // Bounded, not merely equal: a handful of rows per command.
    for (const reads of Object.values(large))
      expect(Object.values(reads).reduce((sum, rows) => sum + rows, 0)).toBeLessThan(60);
  }, 60_000);
});

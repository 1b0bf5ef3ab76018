import { describe, expect, it } from 'vitest';
import {
  appendEvents,
  clearDrill,
  closeIncident,
  getIncident,
  getVisit,
  incidentBacklog,
  moveInQueue,
  openIncident,
  readJournal,
  rebuildProjections,
  registerVisit,
  signAssessment,
  type SiagaDb,
} from '@/storage';
import { useTestDb } from '../dbTestUtils';
import { RM12_SAMPLE } from '../domain/rm12Sample';
import { actAs, manualClock, NEW_PATIENT, registration, RETURNING, setUpDevice } from './captureFixture';
import { journalIn } from '@/storage';

function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

async function snapshot(db: SiagaDb) {
  const tables = ['patients', 'visits', 'tickets', 'slips', 'assessments', 'incidents', 'counters'] as const;
  return Object.fromEntries(
    await Promise.all(tables.map(async (table) => [table, await db.table(table).toArray()] as const)),
  );
}

const DRILL = {
  unit: 'IT / SIMRS',
  scope: 'hospital' as const,
  cause: 'planned_maintenance' as const,
  detectedAt: { mode: 'now' as const },
  drill: true,
};

/** IT starts a drill at 09:00; the registration desk registers a new patient under it at 09:05. */
async function drillWithOneVisit(db: SiagaDb) {
  const clock = manualClock('2026-11-22T09:00:00+07:00');
  await setUpDevice(db, 'PD1', 'admin');
  const drillId = expectOk(await openIncident(db, DRILL, clock)).incidentId!;
  await actAs(db, 'registration');
  clock.advance(5);
  const plan = expectOk(await registerVisit(db, registration(NEW_PATIENT), clock));
  return { clock, drillId, plan };
}

describe('drills', () => {
  const makeDb = useTestDb();

  it('marks everything captured during a drill, and the visit afterwards, as drill data', async () => {
    const db = makeDb();
    const { clock, drillId, plan } = await drillWithOneVisit(db);
    expect(plan.events.map((event) => event.drillId)).toEqual([drillId, drillId]);
    expect(await getVisit(db, plan.visitId)).toMatchObject({ drillId });

    await actAs(db, 'admin');
    clock.advance(30);
    expectOk(await closeIncident(db, drillId, { restoredAt: { mode: 'now' }, confirmedBy: 'IT PD1' }, clock));
    // The drill is over, but the practice visit is still practice: its RM 1.2 is drill data too.
    await actAs(db, 'clinician');
    clock.advance(5);
    expectOk(
      await moveInQueue(db, plan.visitId, { move: 'called', when: { mode: 'now' }, source: 'direct' }, clock),
    );
    const signed = expectOk(
      await signAssessment(
        db,
        plan.visitId,
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
    );
    expect(signed.events.every((event) => event.drillId === drillId)).toBe(true);
    // A real patient registered now is real.
    await actAs(db, 'registration');
    const real = expectOk(await registerVisit(db, registration(RETURNING), clock));
    expect(real.events.map((event) => event.drillId)).toEqual([undefined, undefined, undefined]);

    const journal = await readJournal(db);
    const drillEvents = journal.filter((event) => event.drillId === drillId).map((event) => event.type);
    expect(drillEvents).toEqual(
      expect.arrayContaining(['patient.registered', 'visit.registered', 'queue.called', 'assessment.signed']),
    );
    expect(
      journal.filter((event) => event.type.startsWith('incident.')).every((event) => !event.drillId),
    ).toBe(true);
  });

  it('counts the drill backlog and the hub share of it', async () => {
    const db = makeDb();
    const { drillId } = await drillWithOneVisit(db);
    const drill = (await getIncident(db, drillId))!;
    expect(await incidentBacklog(db, drill, new Date())).toEqual({
      visits: { captured: 1, atHub: 0 },
      slips: { captured: 0, atHub: 0 },
      assessments: { captured: 0, atHub: 0 },
    });
    await db.journal.toCollection().modify({ syncState: 'acked' });
    expect((await incidentBacklog(db, drill, new Date())).visits).toEqual({ captured: 1, atHub: 1 });
  });

  it('clears a closed drill: its practice records leave the journal and every table, real work stays', async () => {
    const db = makeDb();
    await setUpDevice(db, 'PD1', 'registration');
    const earlier = expectOk(
      await registerVisit(db, registration(RETURNING), manualClock('2026-11-22T08:30:00+07:00')),
    );
    const { clock, drillId, plan } = await drillWithOneVisit(db);
    // A real patient waiting from before the drill is called as practice: the call is drill data.
    await actAs(db, 'clinician');
    expectOk(
      await moveInQueue(
        db,
        earlier.visitId,
        { move: 'called', when: { mode: 'now' }, source: 'direct' },
        clock,
      ),
    );
    expect(await getVisit(db, earlier.visitId)).toMatchObject({ status: 'called' });
    await actAs(db, 'admin');
    clock.advance(30);
    expectOk(await closeIncident(db, drillId, { restoredAt: { mode: 'now' }, confirmedBy: 'IT PD1' }, clock));
    await actAs(db, 'registration');
    // The same person again, found on the device (a second record with the same NIK is refused).
    const real = expectOk(
      await registerVisit(
        db,
        {
          ...registration(RETURNING, { poliCode: 'INT', doctorCode: 'D020' }),
          patient: { patientId: earlier.patientId },
        },
        clock,
      ),
    );
    await actAs(db, 'admin');
    expectOk(await clearDrill(db, drillId, clock));

    expect(await db.journal.where('drillId').equals(drillId).count()).toBe(0);
    expect(await getVisit(db, plan.visitId)).toBeUndefined();
    expect(await db.patients.get(plan.patientId)).toBeUndefined();
    expect(await db.tickets.get(plan.visitId)).toBeUndefined();
    expect(await getVisit(db, real.visitId)).toMatchObject({ status: 'waiting' });
    // The real visit from before the drill stays, without the practice call.
    expect(await getVisit(db, earlier.visitId)).toMatchObject({ status: 'waiting', callCount: 0 });
    expect(await db.tickets.get(earlier.visitId)).toMatchObject({ status: 'waiting' });
    expect(await getIncident(db, drillId)).toMatchObject({
      drill: true,
      status: 'closed',
      drillCleared: { by: { role: 'admin' } },
    });
    // The drill's own record, its checklist and the clearing stay and are sent to the hub.
    const pending = await journalIn(db, 'pending').toArray();
    expect(pending.map((row) => row.type)).toEqual(
      expect.arrayContaining([
        'incident.opened',
        'incident.closed',
        'incident.drill_cleared',
        'visit.registered',
      ]),
    );
    const before = await snapshot(db);
    await rebuildProjections(db);
    expect(await snapshot(db)).toEqual(before);
  });

  it('never stores practice data of a cleared drill that arrives late (pulled or handed over)', async () => {
    const source = makeDb();
    const { clock, drillId } = await drillWithOneVisit(source);
    await actAs(source, 'admin');
    clock.advance(30);
    expectOk(
      await closeIncident(source, drillId, { restoredAt: { mode: 'now' }, confirmedBy: 'IT PD1' }, clock),
    );
    const everything = await readJournal(source);
    expectOk(await clearDrill(source, drillId, clock));
    const clearing = (await readJournal(source)).filter((event) => event.type === 'incident.drill_cleared');

    const other = makeDb();
    await setUpDevice(other, 'PO1', 'clinician');
    // The clearing first, then the drill's events (a device that was away hands them over late).
    await appendEvents(
      other,
      [...everything.filter((event) => event.type.startsWith('incident.')), ...clearing],
      {
        origin: 'remote',
      },
    );
    const late = await appendEvents(other, everything, { origin: 'remote' });
    expect(late.appended).toEqual([]);
    expect(await other.journal.where('drillId').equals(drillId).count()).toBe(0);
    expect(await other.visits.count()).toBe(0);

    // In one pulled page, the drill's events and then its clearing: nothing of it stays either.
    const third = makeDb();
    await setUpDevice(third, 'RM1', 'records');
    await appendEvents(third, [...everything, ...clearing], { origin: 'remote' });
    expect(await third.journal.where('drillId').equals(drillId).count()).toBe(0);
    expect(await third.patients.count()).toBe(0);
    expect(await getIncident(third, drillId)).toMatchObject({ drillCleared: {} });
  });
});

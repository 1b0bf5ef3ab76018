import { describe, expect, it } from 'vitest';
import { Reason, type Rm12Content } from '@/domain';
import {
  appendEvents,
  findPatients,
  getAssessmentOfVisit,
  getSlip,
  getVisit,
  moveInQueue,
  moveSlip,
  readJournal,
  rebuildProjections,
  registerVisit,
  requestSlip,
  signAssessment,
  slipWorklist,
  visitsOfDay,
  type SiagaDb,
} from '@/storage';
import { useTestDb } from '../dbTestUtils';
import { actAs, manualClock, NEW_PATIENT, registration, RETURNING, setUpDevice } from './captureFixture';
import { RM12_SAMPLE } from '../domain/rm12Sample';
import { journalIn } from '@/storage';

async function snapshot(db: SiagaDb) {
  const tables = ['patients', 'visits', 'tickets', 'slips', 'assessments', 'counters'] as const;
  const entries = await Promise.all(
    tables.map(async (table) => [table, await db.table(table).toArray()] as const),
  );
  return Object.fromEntries(entries);
}

function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('capture commands', () => {
  const makeDb = useTestDb();

  it('registers a returning patient: patient, visit with ticket, and the record-request slip, all pending', async () => {
    const db = makeDb();
    await setUpDevice(db);
    const clock = manualClock();
    const plan = expectOk(await registerVisit(db, registration(RETURNING), clock));
    expect(plan.ticketLabel).toBe('A-001');
    expect(plan.slipNo).toBe('BON-PD1-261122-001');
    expect(plan.tempNumber).toBeUndefined();
    expect(plan.events.map((event) => event.type)).toEqual([
      'patient.registered',
      'visit.registered',
      'slip.requested',
    ]);
    expect(await journalIn(db, 'pending').count()).toBe(3);

    const visit = await getVisit(db, plan.visitId);
    expect(visit).toMatchObject({
      status: 'waiting',
      visitType: 'lama',
      ticketLabel: 'A-001',
      serviceDate: '2026-11-22',
      registeredAt: '2026-11-22T08:00:00.000+07:00',
    });
    expect(await getSlip(db, plan.slipId!)).toMatchObject({
      status: 'requested',
      mrn: '012345',
      automatic: true,
    });
    const [entry] = await visitsOfDay(db, '2026-11-22', 'UMU');
    expect(entry?.patient).toMatchObject({ name: 'BUDI SANTOSO', mrn: '012345' });
  });

  it('gives a new patient a temporary number and raises no slip', async () => {
    const db = makeDb();
    await setUpDevice(db);
    const plan = expectOk(await registerVisit(db, registration(NEW_PATIENT), manualClock()));
    expect(plan.tempNumber).toMatch(/^TMP-PD1-261122-0001-\d$/);
    expect(plan.slipId).toBeUndefined();
    expect((await getVisit(db, plan.visitId))?.visitType).toBe('baru');
  });

  it('numbers tickets per poli and per day, and never twice even when two registrations race', async () => {
    const db = makeDb();
    await setUpDevice(db);
    const clock = manualClock();
    const [first, second] = await Promise.all([
      registerVisit(db, registration(NEW_PATIENT), clock),
      registerVisit(db, registration({ ...NEW_PATIENT, nik: undefined, name: 'Ani' }), clock),
    ]);
    expect([expectOk(first).ticketLabel, expectOk(second).ticketLabel].sort()).toEqual(['A-001', 'A-002']);
    const child = { ...NEW_PATIENT, nik: undefined, name: 'Bayu' };
    expect(
      expectOk(await registerVisit(db, registration(child, { poliCode: 'ANA', doctorCode: 'D010' }), clock))
        .ticketLabel,
    ).toBe('B-001');
    clock.set('2026-11-23T07:30:00+07:00');
    expect(expectOk(await registerVisit(db, registration(child), clock)).ticketLabel).toBe('A-001');
  });

  it('reuses a patient found on the device as a returning visit with a slip', async () => {
    const db = makeDb();
    await setUpDevice(db);
    const clock = manualClock();
    const first = expectOk(await registerVisit(db, registration(RETURNING), clock));
    clock.advance(60);
    const again = expectOk(
      await registerVisit(
        db,
        {
          ...registration(RETURNING),
          patient: { patientId: first.patientId },
          poliCode: 'INT',
          doctorCode: 'D020',
        },
        clock,
      ),
    );
    expect(again.patientId).toBe(first.patientId);
    expect(again.events.map((event) => event.type)).toEqual(['visit.registered', 'slip.requested']);
    expect(again.slipNo).toBe('BON-PD1-261122-002');
  });

  it('refuses a second record for a NIK the device knows: that patient is offered instead', async () => {
    const db = makeDb();
    await setUpDevice(db);
    const clock = manualClock();
    const known = expectOk(await registerVisit(db, registration(NEW_PATIENT), clock));
    const journalBefore = await db.journal.count();
    const again = await registerVisit(
      db,
      registration(
        { ...NEW_PATIENT, name: 'Siti Aminah Br. Tarigan' },
        { poliCode: 'ANA', doctorCode: 'D010' },
      ),
      clock,
    );
    expect(!again.ok && again.error).toEqual([{ field: 'patient.nik', reason: Reason.NikAlreadyKnown }]);
    expect(await db.journal.count()).toBe(journalBefore); // no second temporary number
    expect(await findPatients(db, { nik: NEW_PATIENT.nik! })).toEqual([
      expect.objectContaining({ id: known.patientId, tempNumber: known.tempNumber }),
    ]);
  });

  it('asks for a confirmation before a second open visit at the same poli on the same day, and records it', async () => {
    const db = makeDb();
    await setUpDevice(db);
    const clock = manualClock();
    const first = expectOk(await registerVisit(db, registration(RETURNING), clock));
    const known = { patient: { patientId: first.patientId } };
    clock.advance(20);
    const second = await registerVisit(db, { ...registration(RETURNING), ...known }, clock);
    expect(!second.ok && second.error).toEqual([
      { field: 'confirmSecondVisit', reason: Reason.SecondVisitNotConfirmed, params: { ticket: 'A-001' } },
    ]);
    // Another poli the same day needs no confirmation, and records none.
    const otherPoli = expectOk(
      await registerVisit(
        db,
        { ...registration(RETURNING, { poliCode: 'INT', doctorCode: 'D020' }), ...known },
        clock,
      ),
    );
    expect(otherPoli.events.find((event) => event.type === 'visit.registered')?.payload).not.toHaveProperty(
      'secondVisitConfirmed',
    );
    const confirmed = expectOk(
      await registerVisit(db, { ...registration(RETURNING), ...known, confirmSecondVisit: true }, clock),
    );
    expect(confirmed.ticketLabel).toBe('A-002');
    expect(confirmed.events.find((event) => event.type === 'visit.registered')?.payload).toMatchObject({
      secondVisitConfirmed: true,
    });
    // Once the first visit is closed, the next one at that poli is an ordinary visit again.
    expectOk(
      await moveInQueue(
        db,
        first.visitId,
        { move: 'cancel', when: { mode: 'now' }, source: 'direct', reason: 'Daftar dobel' },
        clock,
      ),
    );
    expectOk(
      await moveInQueue(
        db,
        confirmed.visitId,
        { move: 'cancel', when: { mode: 'now' }, source: 'direct', reason: 'Daftar dobel' },
        clock,
      ),
    );
    expect((await registerVisit(db, { ...registration(RETURNING), ...known }, clock)).ok).toBe(true);
  });

  it('refuses wrong input with reason codes and stores nothing', async () => {
    const db = makeDb();
    await setUpDevice(db);
    const clock = manualClock();
    const badMrn = await registerVisit(db, registration({ ...RETURNING, mrn: '12-34' }), clock);
    expect(badMrn).toEqual({
      ok: false,
      error: [{ field: 'patient.mrn', reason: Reason.MrnFormat, params: { example: '012345' } }],
    });
    const badDoctor = await registerVisit(db, registration(RETURNING, { doctorCode: 'D010' }), clock);
    expect(!badDoctor.ok && badDoctor.error).toEqual([{ field: 'doctorCode', reason: Reason.UnknownDoctor }]);
    const badNik = await registerVisit(db, registration({ ...NEW_PATIENT, nik: '3171013208450003' }), clock);
    expect(!badNik.ok && badNik.error[0]).toMatchObject({
      field: 'patient.nik',
      reason: Reason.NikInvalidDay,
    });
    expect(await db.journal.count()).toBe(0);
  });

  it('keeps typed real times exactly and refuses the future or arrival after registration', async () => {
    const db = makeDb();
    await setUpDevice(db);
    const clock = manualClock('2026-11-22T14:00:00+07:00');
    const transcribed = expectOk(
      await registerVisit(
        db,
        registration(NEW_PATIENT, {
          source: 'transcribed_from_paper',
          arrivedAt: { mode: 'manual', date: '2026-11-22', time: '08:05' },
          registeredAt: { mode: 'manual', date: '2026-11-22', time: '08:12' },
        }),
        clock,
      ),
    );
    const visitEvent = transcribed.events.find((event) => event.type === 'visit.registered')!;
    expect(visitEvent).toMatchObject({
      occurredAt: '2026-11-22T08:12:00.000+07:00',
      recordedAt: '2026-11-22T14:00:00.000+07:00',
      timeSource: 'manual_entry',
      source: 'transcribed_from_paper',
      payload: { arrivedAt: '2026-11-22T08:05:00.000+07:00' },
    });
    const another = { ...NEW_PATIENT, nik: undefined, name: 'Ani' };
    const future = await registerVisit(
      db,
      registration(another, { registeredAt: { mode: 'manual', date: '2026-11-22', time: '15:00' } }),
      clock,
    );
    expect(!future.ok && future.error).toEqual([{ field: 'registeredAt', reason: Reason.TimeInFuture }]);
    const reversed = await registerVisit(
      db,
      registration(another, {
        arrivedAt: { mode: 'manual', date: '2026-11-22', time: '09:00' },
        registeredAt: { mode: 'manual', date: '2026-11-22', time: '08:00' },
      }),
      clock,
    );
    expect(!reversed.ok && reversed.error).toEqual([{ field: 'arrivedAt', reason: Reason.TimeOrder }]);
  });

  it('walks the queue: call, recall, start, end — each with its own time — and refuses out-of-order moves', async () => {
    const db = makeDb();
    await setUpDevice(db);
    const clock = manualClock();
    const { visitId } = expectOk(await registerVisit(db, registration(RETURNING), clock));
    const at = (time: string) => ({ mode: 'manual' as const, date: '2026-11-22', time });
    clock.set('2026-11-22T10:00:00+07:00');
    expectOk(await moveInQueue(db, visitId, { move: 'called', when: at('08:30'), source: 'direct' }, clock));
    expectOk(
      await moveInQueue(db, visitId, { move: 'recalled', when: at('08:35'), source: 'direct' }, clock),
    );
    const early = await moveInQueue(
      db,
      visitId,
      { move: 'service_started', when: at('08:20'), source: 'direct' },
      clock,
    );
    expect(!early.ok && early.error[0]).toMatchObject({ field: 'when', reason: Reason.TimeOrder });
    expectOk(
      await moveInQueue(db, visitId, { move: 'service_started', when: at('08:40'), source: 'direct' }, clock),
    );
    const noShow = await moveInQueue(
      db,
      visitId,
      { move: 'no_show', when: at('08:50'), source: 'direct' },
      clock,
    );
    expect(!noShow.ok && noShow.error[0]).toMatchObject({ reason: Reason.QueueTransition });
    expectOk(
      await moveInQueue(db, visitId, { move: 'service_ended', when: at('09:10'), source: 'direct' }, clock),
    );
    const visit = await getVisit(db, visitId);
    expect(visit).toMatchObject({
      status: 'done',
      callCount: 2,
      serviceStartedAt: '2026-11-22T08:40:00.000+07:00',
      serviceEndedAt: '2026-11-22T09:10:00.000+07:00',
    });
    expect(visit?.timeline.map((entry) => entry.type)).toEqual([
      'visit.registered',
      'queue.called',
      'queue.recalled',
      'queue.service_started',
      'queue.service_ended',
    ]);
  });

  it('records the call too when service starts for a patient not yet called', async () => {
    const db = makeDb();
    await setUpDevice(db);
    const clock = manualClock();
    const { visitId } = expectOk(await registerVisit(db, registration(NEW_PATIENT), clock));
    clock.advance(20);
    const started = expectOk(
      await moveInQueue(
        db,
        visitId,
        { move: 'service_started', when: { mode: 'now' }, source: 'direct' },
        clock,
      ),
    );
    expect(started.events.map((event) => event.type)).toEqual(['queue.called', 'queue.service_started']);
    expect((await getVisit(db, visitId))?.status).toBe('serving');
  });

  it('cancels only with a reason', async () => {
    const db = makeDb();
    await setUpDevice(db);
    const clock = manualClock();
    const { visitId } = expectOk(await registerVisit(db, registration(NEW_PATIENT), clock));
    const noReason = await moveInQueue(
      db,
      visitId,
      { move: 'cancel', when: { mode: 'now' }, source: 'direct' },
      clock,
    );
    expect(!noReason.ok && noReason.error).toEqual([{ field: 'reason', reason: Reason.ReasonRequired }]);
    expectOk(
      await moveInQueue(
        db,
        visitId,
        { move: 'cancel', when: { mode: 'now' }, source: 'direct', reason: 'Pasien pulang' },
        clock,
      ),
    );
    expect(await getVisit(db, visitId)).toMatchObject({ status: 'cancelled', cancelReason: 'Pasien pulang' });
  });

  it('withdraws the slip of a cancelled visit in the same transaction; it leaves the worklist with the reason', async () => {
    const db = makeDb();
    await setUpDevice(db);
    const clock = manualClock();
    const { visitId, slipId } = expectOk(await registerVisit(db, registration(RETURNING), clock));
    const open = ['requested', 'found', 'not_found', 'sent', 'received'] as const;
    expect(await slipWorklist(db, { statuses: open })).toHaveLength(1);
    clock.advance(10);
    const noReason = await moveInQueue(
      db,
      visitId,
      { move: 'cancel', when: { mode: 'now' }, source: 'direct' },
      clock,
    );
    expect(!noReason.ok && noReason.error).toEqual([{ field: 'reason', reason: Reason.ReasonRequired }]);
    const cancelled = expectOk(
      await moveInQueue(
        db,
        visitId,
        { move: 'cancel', when: { mode: 'now' }, source: 'direct', reason: 'Salah poli, pulang' },
        clock,
      ),
    );
    expect(cancelled.events.map((event) => [event.type, event.entityId])).toEqual([
      ['visit.cancelled', visitId],
      ['slip.cancelled', slipId],
    ]);
    expect(await getSlip(db, slipId!)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Salah poli, pulang',
      cancelledAt: '2026-11-22T08:10:00.000+07:00',
    });
    expect(await slipWorklist(db, { statuses: open })).toEqual([]);
    const [history] = await slipWorklist(db, { statuses: ['cancelled'] });
    expect(history?.slip.cancelReason).toBe('Salah poli, pulang');
    expect(await getVisit(db, visitId)).toMatchObject({ status: 'cancelled' });
  });

  it('keeps a slip whose folder already went to the poli open when its visit is cancelled', async () => {
    const db = makeDb();
    await setUpDevice(db);
    const clock = manualClock();
    const { visitId, slipId } = expectOk(await registerVisit(db, registration(RETURNING), clock));
    await actAs(db, 'records');
    clock.advance(5);
    expectOk(
      await moveSlip(
        db,
        slipId!,
        { move: 'found', source: 'paper_folder' },
        { mode: 'now' },
        'direct',
        clock,
      ),
    );
    expectOk(
      await moveSlip(db, slipId!, { move: 'sent', rm12BlankIssued: true }, { mode: 'now' }, 'direct', clock),
    );
    await actAs(db, 'registration');
    clock.advance(5);
    const cancelled = expectOk(
      await moveInQueue(
        db,
        visitId,
        { move: 'cancel', when: { mode: 'now' }, source: 'direct', reason: 'Pasien pulang' },
        clock,
      ),
    );
    expect(cancelled.events.map((event) => event.type)).toEqual(['visit.cancelled']);
    expect((await getSlip(db, slipId!))?.status).toBe('sent');
  });

  it('works a slip through the records room and requires the backup date for a periodic backup', async () => {
    const db = makeDb();
    await setUpDevice(db);
    const clock = manualClock();
    const { slipId } = expectOk(await registerVisit(db, registration(RETURNING), clock));
    const now = { mode: 'now' as const };
    clock.advance(5);
    await actAs(db, 'records');
    const noDate = await moveSlip(
      db,
      slipId!,
      { move: 'found', source: 'periodic_backup' },
      now,
      'direct',
      clock,
    );
    expect(!noDate.ok && noDate.error[0]).toMatchObject({ reason: Reason.BackupDateRequired });
    expectOk(
      await moveSlip(
        db,
        slipId!,
        { move: 'found', source: 'periodic_backup', backupSnapshotDate: '2026-11-15' },
        now,
        'direct',
        clock,
      ),
    );
    const early = await moveSlip(db, slipId!, { move: 'returned' }, now, 'direct', clock);
    expect(!early.ok && early.error[0]).toMatchObject({ reason: Reason.SlipTransition });
    clock.advance(5);
    expectOk(await moveSlip(db, slipId!, { move: 'sent', rm12BlankIssued: true }, now, 'direct', clock));
    clock.advance(5);
    // The clinic confirms the folder arrived; only the records room may take it back.
    expect(await moveSlip(db, slipId!, { move: 'received' }, now, 'direct', clock)).toMatchObject({
      ok: false,
      error: [{ reason: Reason.NotPermitted }],
    });
    await actAs(db, 'clinician');
    expectOk(await moveSlip(db, slipId!, { move: 'received' }, now, 'direct', clock));
    clock.advance(120);
    await actAs(db, 'records');
    expectOk(await moveSlip(db, slipId!, { move: 'returned' }, now, 'direct', clock));
    expect(await getSlip(db, slipId!)).toMatchObject({
      status: 'returned',
      retrievalSource: 'periodic_backup',
      backupSnapshotDate: '2026-11-15',
      rm12BlankIssued: true,
      sentAt: '2026-11-22T08:10:00.000+07:00',
    });
  });

  it('raises a slip by hand for a returning patient, and refuses one for a patient without an MRN', async () => {
    const db = makeDb();
    await setUpDevice(db);
    const clock = manualClock();
    const returning = expectOk(await registerVisit(db, registration(RETURNING), clock));
    const fresh = expectOk(await registerVisit(db, registration(NEW_PATIENT), clock));
    const slip = expectOk(await requestSlip(db, returning.visitId, { mode: 'now' }, clock));
    expect(slip.events[0]).toMatchObject({
      type: 'slip.requested',
      payload: { slipNo: 'BON-PD1-261122-002', automatic: false },
    });
    const refused = await requestSlip(db, fresh.visitId, { mode: 'now' }, clock);
    expect(!refused.ok && refused.error).toEqual([{ field: 'mrn', reason: Reason.MrnRequired }]);
  });

  it('signs an RM 1.2, then amends it only with a reason, keeping the signed version', async () => {
    const db = makeDb();
    await setUpDevice(db, 'POL');
    const clock = manualClock();
    const { visitId } = expectOk(await registerVisit(db, registration(RETURNING), clock));
    clock.advance(30);
    await actAs(db, 'clinician');
    const input = {
      content: RM12_SAMPLE,
      startedAt: { mode: 'manual' as const, date: '2026-11-22', time: '08:10' },
      completedAt: { mode: 'now' as const },
      clinician: { doctorCode: 'D001', name: 'dr. Ratna Sari' },
      source: 'direct' as const,
      attestation: true,
    };
    expectOk(await signAssessment(db, visitId, input, clock));
    const amendedContent: Rm12Content = {
      ...RM12_SAMPLE,
      plan: { ...RM12_SAMPLE.plan, followUp: 'kontrol', followUpDate: '2026-11-29' },
    };
    const noReason = await signAssessment(db, visitId, { ...input, content: amendedContent }, clock);
    expect(!noReason.ok && noReason.error).toEqual([{ field: 'reason', reason: Reason.ReasonRequired }]);
    expectOk(
      await signAssessment(
        db,
        visitId,
        { ...input, content: amendedContent, reason: 'Tanggal kontrol ditambahkan' },
        clock,
      ),
    );
    const assessment = await getAssessmentOfVisit(db, visitId);
    expect(assessment?.current).toMatchObject({ version: 2, reason: 'Tanggal kontrol ditambahkan' });
    expect(assessment?.history.map((version) => version.version)).toEqual([1]);
    expect(assessment?.history[0]?.content.plan.followUp).toBe(RM12_SAMPLE.plan.followUp);
  });

  it('applies a replayed batch once: the second time everything is a duplicate', async () => {
    const db = makeDb();
    await setUpDevice(db);
    const { events } = expectOk(await registerVisit(db, registration(RETURNING), manualClock()));
    const before = await snapshot(db);
    const replay = await appendEvents(db, events, { origin: 'import' });
    expect(replay).toEqual({ appended: [], duplicates: events.map((event) => event.id) });
    expect(await snapshot(db)).toEqual(before);
    expect(await db.journal.count()).toBe(3);
  });

  it('rebuilds every projection from the journal into identical tables', async () => {
    const db = makeDb();
    await setUpDevice(db);
    const clock = manualClock();
    for (let index = 0; index < 12; index += 1) {
      const identity =
        index % 3 === 0
          ? { ...RETURNING, nik: undefined, mrn: `01234${index}` }
          : { ...NEW_PATIENT, name: `Pasien ${index}`, nik: undefined };
      const plan = expectOk(
        await registerVisit(
          db,
          registration(identity, {
            poliCode: index % 2 ? 'UMU' : 'ANA',
            doctorCode: index % 2 ? 'D001' : 'D010',
          }),
          clock,
        ),
      );
      clock.advance(3);
      if (index % 2 === 0)
        expectOk(
          await moveInQueue(
            db,
            plan.visitId,
            { move: 'called', when: { mode: 'now' }, source: 'direct' },
            clock,
          ),
        );
      if (index % 4 === 0) {
        expectOk(
          await moveInQueue(
            db,
            plan.visitId,
            { move: 'service_started', when: { mode: 'now' }, source: 'direct' },
            clock,
          ),
        );
        clock.advance(10);
        await actAs(db, 'clinician');
        expectOk(
          await signAssessment(
            db,
            plan.visitId,
            {
              content: RM12_SAMPLE,
              startedAt: { mode: 'now' },
              completedAt: { mode: 'now' },
              clinician: { name: 'dr. Maya' },
              source: 'direct',
              attestation: true,
            },
            clock,
          ),
        );
      }
      if (plan.slipId) {
        await actAs(db, 'records');
        expectOk(await moveSlip(db, plan.slipId, { move: 'not_found' }, { mode: 'now' }, 'direct', clock));
      }
      await actAs(db, 'registration');
    }
    const incremental = await snapshot(db);
    expect(incremental.visits).toHaveLength(12);
    expect(await rebuildProjections(db)).toBe((await readJournal(db)).length);
    expect(await snapshot(db)).toEqual(incremental);
  });
});

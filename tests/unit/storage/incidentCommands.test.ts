import { describe, expect, it } from 'vitest';
import { automaticIncidentId, Reason } from '@/domain';
import {
  closeIncident,
  getIncident,
  importDowntimeLog,
  incidentBacklog,
  listDowntimeLogs,
  recordOutageSighting,
  registerVisit,
  toggleIncidentStep,
  updateIncident,
  withdrawDowntimeLog,
} from '@/storage';
import { useTestDb } from '../dbTestUtils';
import { actAs, manualClock, NEW_PATIENT, registration, RETURNING, setUpDevice } from './captureFixture';

function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const SINCE = '2026-11-22T01:00:00.000Z'; // 08:00 WIB

describe('incident commands', () => {
  const makeDb = useTestDb();

  it('opens the automatic incident once per device, whoever is signed in, in the unit of their role', async () => {
    const db = makeDb();
    await setUpDevice(db, 'PD1', 'records');
    const clock = manualClock('2026-11-22T08:01:30+07:00');
    const first = expectOk(await recordOutageSighting(db, { hubId: 'hub-1', since: SINCE }, clock));
    expect(first.events).toHaveLength(1);
    await actAs(db, 'registration');
    expect(expectOk(await recordOutageSighting(db, { hubId: 'hub-1', since: SINCE }, clock)).events).toEqual(
      [],
    );
    const incident = await getIncident(db, await automaticIncidentId('hub-1', SINCE));
    expect(incident).toMatchObject({
      detection: 'automatic',
      detectedAt: '2026-11-22T08:00:00.000+07:00',
      unit: 'Instalasi Rekam Medis',
      scope: 'hospital',
      status: 'open',
    });
  });

  it('fills the log fields, ticks steps and closes; the backlog counts the real visits of the window', async () => {
    const db = makeDb();
    await setUpDevice(db, 'PD1', 'registration');
    const clock = manualClock('2026-11-22T07:30:00+07:00');
    expectOk(await registerVisit(db, registration(RETURNING), clock)); // before the outage
    clock.set('2026-11-22T08:01:00+07:00');
    const id = expectOk(await recordOutageSighting(db, { hubId: 'hub-1', since: SINCE }, clock)).events[0]!
      .entityId;
    clock.advance(10);
    expectOk(await registerVisit(db, registration(NEW_PATIENT), clock));
    expectOk(
      await toggleIncidentStep(
        db,
        id,
        { stepId: 'manual-calling', unit: 'Pendaftaran', done: true, when: { mode: 'now' } },
        clock,
      ),
    );
    await actAs(db, 'admin');
    expectOk(
      await updateIncident(
        db,
        id,
        {
          cause: 'power',
          requestedAt: { mode: 'manual', date: '2026-11-22', time: '08:03' },
          respondedAt: { mode: 'manual', date: '2026-11-22', time: '08:10' },
          technician: 'Andi Teknisi',
          workDescription: 'Menyalakan UPS server',
        },
        clock,
      ),
    );
    clock.advance(60);
    expectOk(
      await closeIncident(db, id, { restoredAt: { mode: 'now' }, confirmedBy: 'Andi Teknisi' }, clock),
    );
    const incident = (await getIncident(db, id))!;
    expect(incident).toMatchObject({
      status: 'closed',
      cause: 'power',
      restoredAt: '2026-11-22T09:11:00.000+07:00',
      steps: [{ stepId: 'manual-calling', unit: 'Pendaftaran', done: true }],
    });
    expect(await incidentBacklog(db, incident, clock.now())).toEqual({
      visits: { captured: 1, atHub: 0 },
      slips: { captured: 0, atHub: 0 },
      assessments: { captured: 0, atHub: 0 },
    });
    expect(await updateIncident(db, 'missing', { technician: 'X Y' }, clock)).toEqual({
      ok: false,
      error: [{ field: '', reason: Reason.IncidentNotFound }],
    });
  });

  it('imports a past sheet, refuses the same month again, and withdraws it with a reason', async () => {
    const db = makeDb();
    await setUpDevice(db, 'IT1', 'admin');
    const clock = manualClock();
    const rows = [
      {
        line: 2,
        date: '2023-01-04',
        unit: 'Instalasi Rekam Medis',
        requestTime: '10:06',
        responseTime: '10:09',
        durationSeconds: 180,
        description: 'Pemindahan jaringan',
      },
    ];
    expectOk(await importDowntimeLog(db, { month: '2023-01', fileName: '2023-01.csv', rows }, clock));
    expect(await importDowntimeLog(db, { month: '2023-01', rows }, clock)).toMatchObject({
      ok: false,
      error: [{ reason: Reason.MonthAlreadyImported }],
    });
    const [sheet] = await listDowntimeLogs(db);
    expect(sheet).toMatchObject({ month: '2023-01', fileName: '2023-01.csv', rows });
    expectOk(await withdrawDowntimeLog(db, sheet!.id, 'File bulan yang salah', clock));
    expect((await listDowntimeLogs(db))[0]).toMatchObject({ withdrawn: { reason: 'File bulan yang salah' } });
    expect(await importDowntimeLog(db, { month: '2023-01', rows }, clock)).toMatchObject({ ok: true });
    await actAs(db, 'registration');
    expect(await importDowntimeLog(db, { month: '2023-02', rows }, clock)).toMatchObject({
      ok: false,
      error: [{ reason: Reason.NotPermitted }],
    });
    expect(await withdrawDowntimeLog(db, sheet!.id, 'lagi', clock)).toMatchObject({ ok: false });
  });
});

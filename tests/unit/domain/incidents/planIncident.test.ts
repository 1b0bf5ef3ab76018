import { describe, expect, it } from 'vitest';
import {
  automaticIncidentId,
  isPermitted,
  planAutomaticOpening,
  planClearDrill,
  planCloseIncident,
  planImportDowntimeLog,
  planIncidentUpdate,
  planOpenIncident,
  planStepToggle,
  projectEntity,
  Reason,
  sopSteps,
  type DomainEvent,
  type DowntimeLogSheet,
  type Incident,
  type Role,
} from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { testContext } from '../eventFactory';
import { incidentEvent, opened } from './incidentFixture';

const NOW = '2026-11-22T10:00:00+07:00';

function contextAs(role: Role, deviceCode = 'PD1', now = NOW) {
  const context = testContext(now, deviceCode);
  context.actor = { userId: `user-${role}`, name: `Petugas ${role}`, role };
  return context;
}

function events(result: { ok: boolean; value?: DomainEvent[] }): DomainEvent[] {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value!;
}

function incidentOf(list: DomainEvent[]): Incident {
  return projectEntity<'incidents'>(list)!;
}

const openIncident = (id = uuidv7(), overrides = {}) =>
  incidentOf([opened(id, '2026-11-22T08:00:00.000+07:00', overrides)]);

describe('opening incidents', () => {
  it('opens an incident by hand with the typed detection time, from paper', () => {
    const [event] = events(
      planOpenIncident(
        {
          unit: ' Instalasi Rekam Medis ',
          scope: 'unit',
          cause: 'network',
          detectedAt: { mode: 'manual', date: '2026-11-22', time: '08:12' },
          drill: false,
          note: '  ',
        },
        [],
        contextAs('records'),
      ),
    );
    expect(event).toMatchObject({
      type: 'incident.opened',
      occurredAt: '2026-11-22T08:12:00.000+07:00',
      timeSource: 'manual_entry',
      source: 'transcribed_from_paper',
      payload: {
        detection: 'manual',
        detectedAt: '2026-11-22T08:12:00.000+07:00',
        unit: 'Instalasi Rekam Medis',
        scope: 'unit',
        cause: 'network',
        drill: false,
      },
    });
    expect(event!.payload).not.toHaveProperty('note');
  });

  it('lets IT start a drill, refuses a second one while one runs, and refuses a clerk starting one', () => {
    const input = {
      unit: 'IT / SIMRS',
      scope: 'hospital' as const,
      cause: 'planned_maintenance' as const,
      detectedAt: { mode: 'now' as const },
      drill: true,
    };
    const [drill] = events(planOpenIncident(input, [], contextAs('admin')));
    expect(drill).toMatchObject({ payload: { drill: true } });
    expect(planOpenIncident(input, [incidentOf([drill!])], contextAs('admin'))).toEqual({
      ok: false,
      error: [{ field: '', reason: Reason.DrillRunning }],
    });
    expect(planOpenIncident(input, [], contextAs('registration'))).toEqual({
      ok: false,
      error: [{ field: '', reason: Reason.NotPermitted }],
    });
    // A real incident may be opened while a drill runs: a real outage does not wait.
    expect(
      planOpenIncident({ ...input, drill: false }, [incidentOf([drill!])], contextAs('registration')).ok,
    ).toBe(true);
  });

  it("records each device's sighting of a hub-observed outage once", async () => {
    const since = '2026-11-22T01:00:00.000Z';
    const incidentId = await automaticIncidentId('hub-1', since);
    const input = { incidentId, since, unit: 'Pendaftaran' };
    const [first] = events(planAutomaticOpening(input, undefined, [], contextAs('registration', 'PD1')));
    expect(first).toMatchObject({
      entityId: incidentId,
      occurredAt: '2026-11-22T10:00:00.000+07:00', // the sighting: now, on this device
      payload: {
        detection: 'automatic',
        detectedAt: '2026-11-22T08:00:00.000+07:00', // the hub's "since", in the facility zone
        scope: 'hospital',
        cause: 'unknown',
        drill: false,
      },
    });
    const incident = incidentOf([first!]);
    expect(events(planAutomaticOpening(input, incident, [incident], contextAs('records', 'PD1')))).toEqual(
      [],
    );
    const [second] = events(planAutomaticOpening(input, incident, [incident], contextAs('clinician', 'PO1')));
    expect(incidentOf([first!, second!]).sightings.map((sighting) => sighting.deviceCode)).toEqual([
      'PD1',
      'PO1',
    ]);
  });

  it('does not open a second automatic incident while the first is unconfirmed (a flapping SIMRS)', async () => {
    const earlier = incidentOf([
      opened(uuidv7(), '2026-11-22T08:00:00.000+07:00', { detection: 'automatic' }),
    ]);
    const since = '2026-11-22T02:00:00.000Z';
    const input = { incidentId: await automaticIncidentId('hub-1', since), since, unit: 'Poli' };
    expect(events(planAutomaticOpening(input, undefined, [earlier], contextAs('clinician')))).toEqual([]);
  });
});

describe('updating, ticking and closing', () => {
  it('records only what changed, and refuses a response before the request', () => {
    const incident = openIncident();
    const context = contextAs('admin');
    const [update] = events(
      planIncidentUpdate(
        incident,
        {
          unit: 'Pendaftaran', // unchanged
          technician: ' Andi Teknisi ',
          requestedAt: { mode: 'manual', date: '2026-11-22', time: '08:05' },
          respondedAt: { mode: 'manual', date: '2026-11-22', time: '08:20' },
        },
        context,
      ),
    );
    expect(update!.payload).toEqual({
      technician: 'Andi Teknisi',
      requestedAt: '2026-11-22T08:05:00.000+07:00',
      respondedAt: '2026-11-22T08:20:00.000+07:00',
    });
    const updated = incidentOf([opened(incident.id, incident.detectedAt), update!]);
    expect(
      planIncidentUpdate(
        updated,
        { respondedAt: { mode: 'manual', date: '2026-11-22', time: '08:00' } },
        context,
      ),
    ).toEqual({
      ok: false,
      error: [
        {
          field: 'respondedAt',
          reason: Reason.TimeOrder,
          params: { previous: '2026-11-22T08:05:00.000+07:00' },
        },
      ],
    });
    expect(planIncidentUpdate(updated, { technician: 'Andi Teknisi' }, context)).toEqual({
      ok: false,
      error: [{ field: '', reason: Reason.NothingChanged }],
    });
    expect(
      planIncidentUpdate(
        updated,
        { failoverAt: { mode: 'manual', date: '2026-11-22', time: '07:00' } },
        context,
      ).ok,
    ).toBe(false);
  });

  it('ticks a configured step for a unit at the real time, unticks it, refuses unknown steps', () => {
    const incident = openIncident();
    const context = contextAs('registration');
    const steps = sopSteps(context.config);
    const [done] = events(
      planStepToggle(
        incident,
        {
          stepId: 'inform-patients',
          unit: 'Pendaftaran',
          done: true,
          when: { mode: 'manual', date: '2026-11-22', time: '08:10' },
        },
        steps,
        context,
      ),
    );
    expect(done).toMatchObject({
      type: 'incident.step_done',
      occurredAt: '2026-11-22T08:10:00.000+07:00',
      payload: { stepId: 'inform-patients', unit: 'Pendaftaran' },
    });
    const ticked = incidentOf([opened(incident.id, incident.detectedAt), done!]);
    const again = planStepToggle(
      ticked,
      { stepId: 'inform-patients', unit: 'Pendaftaran', done: true, when: { mode: 'now' } },
      steps,
      context,
    );
    expect(again).toEqual({ ok: false, error: [{ field: '', reason: Reason.NothingChanged }] });
    const [undone] = events(
      planStepToggle(
        ticked,
        { stepId: 'inform-patients', unit: 'Pendaftaran', done: false, when: { mode: 'now' } },
        steps,
        context,
      ),
    );
    expect(undone).toMatchObject({ type: 'incident.step_undone' });
    expect(
      planStepToggle(incident, { stepId: 'dance', done: true, when: { mode: 'now' } }, steps, context),
    ).toEqual({ ok: false, error: [{ field: '', reason: Reason.UnknownSopStep }] });
  });

  it('closes once, not before the detection', () => {
    const incident = openIncident();
    const context = contextAs('clinician');
    expect(
      planCloseIncident(
        incident,
        { restoredAt: { mode: 'manual', date: '2026-11-22', time: '07:59' }, confirmedBy: 'Rina' },
        context,
      ),
    ).toMatchObject({ ok: false, error: [{ field: 'restoredAt', reason: Reason.TimeOrder }] });
    const [closed] = events(
      planCloseIncident(
        incident,
        { restoredAt: { mode: 'manual', date: '2026-11-22', time: '09:30' }, confirmedBy: ' Rina ' },
        context,
      ),
    );
    expect(closed).toMatchObject({
      type: 'incident.closed',
      occurredAt: '2026-11-22T09:30:00.000+07:00',
      payload: { restoredAt: '2026-11-22T09:30:00.000+07:00', confirmedBy: 'Rina' },
    });
    const done = incidentOf([opened(incident.id, incident.detectedAt), closed!]);
    expect(planCloseIncident(done, { restoredAt: { mode: 'now' }, confirmedBy: 'Rina' }, context)).toEqual({
      ok: false,
      error: [{ field: '', reason: Reason.IncidentClosed }],
    });
  });
});

describe('clearing drills and importing past logs', () => {
  it('clears only a closed drill, once, and only IT or recovery may', () => {
    const id = uuidv7();
    const drillOpen = [opened(id, '2026-11-22T08:00:00.000+07:00', { drill: true })];
    const context = contextAs('admin');
    expect(planClearDrill(openIncident(), context)).toMatchObject({
      ok: false,
      error: [{ reason: Reason.NotADrill }],
    });
    expect(planClearDrill(incidentOf(drillOpen), context)).toMatchObject({
      ok: false,
      error: [{ reason: Reason.DrillStillOpen }],
    });
    const closed = [
      ...drillOpen,
      incidentEvent('incident.closed', id, '2026-11-22T09:00:00.000+07:00', {
        restoredAt: '2026-11-22T09:00:00.000+07:00',
        confirmedBy: 'IT',
      }),
    ];
    const [clear] = events(planClearDrill(incidentOf(closed), context));
    expect(clear).toMatchObject({ type: 'incident.drill_cleared', entityId: id });
    expect(incidentOf([...closed, clear!]).drillCleared).toMatchObject({ by: { role: 'admin' } });
    expect(planClearDrill(incidentOf([...closed, clear!]), context)).toMatchObject({
      ok: false,
      error: [{ reason: Reason.DrillAlreadyCleared }],
    });
    expect(planClearDrill(incidentOf(closed), contextAs('clinician'))).toMatchObject({
      ok: false,
      error: [{ reason: Reason.NotPermitted }],
    });
    expect(isPermitted({ ...clear!, actor: { ...clear!.actor, role: 'recovery' } })).toBe(true);
  });

  it('imports one sheet per month until it is withdrawn', () => {
    const row = {
      line: 2,
      date: '2023-01-04',
      unit: 'Instalasi Rekam Medis',
      requestTime: '10:06',
      responseTime: '10:09',
      durationSeconds: 180,
      description: 'Pemindahan jaringan',
    };
    const context = contextAs('admin');
    const [imported] = events(
      planImportDowntimeLog({ month: '2023-01', fileName: 'januari.csv', rows: [row] }, [], context),
    );
    expect(imported).toMatchObject({
      type: 'downtime_log.imported',
      payload: { month: '2023-01', rows: [row] },
    });
    const sheet = projectEntity<'downtimeLogs'>([imported!]) as DowntimeLogSheet;
    expect(planImportDowntimeLog({ month: '2023-01', rows: [row] }, [sheet], context)).toMatchObject({
      ok: false,
      error: [{ field: 'month', reason: Reason.MonthAlreadyImported }],
    });
    const withdrawn = { ...sheet, withdrawn: { at: NOW, by: context.actor, reason: 'salah bulan' } };
    expect(planImportDowntimeLog({ month: '2023-01', rows: [row] }, [withdrawn], context).ok).toBe(true);
  });
});

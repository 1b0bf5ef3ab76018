import { describe, expect, it } from 'vitest';
import {
  automaticIncidentId,
  checklistOf,
  DEFAULT_SOP_STEPS,
  downtimeMinutes,
  failoverDueAt,
  incidentNumber,
  isFailoverOverdue,
  isPermitted,
  onTime,
  parseRuntimeConfig,
  projectEntity,
  requiredRight,
  responseMinutes,
  sopSteps,
  type DomainEvent,
  type Incident,
  type PayloadOf,
} from '@/domain';
import { uuidv7, UUID_V7_PATTERN } from '@/lib/ids';
import { DEMO_CONFIG } from '../../../../server/demoConfig';
import { incidentEvent, opened } from './incidentFixture';

function project(events: readonly DomainEvent[]): Incident {
  const row = projectEntity<'incidents'>(events);
  if (!row) throw new Error('no incident');
  return row;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let index = copy.length - 1; index > 0; index -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

describe('the incident reducer', () => {
  const id = uuidv7();
  const events = [
    opened(id, '2026-11-22T08:00:00.000+07:00'),
    incidentEvent('incident.updated', id, '2026-11-22T08:05:00.000+07:00', {
      requestedAt: '2026-11-22T08:05:00.000+07:00',
      cause: 'network',
    }),
    incidentEvent('incident.step_done', id, '2026-11-22T08:06:00.000+07:00', {
      stepId: 'contact-technician',
      unit: 'Pendaftaran',
    }),
    incidentEvent('incident.step_done', id, '2026-11-22T08:07:00.000+07:00', { stepId: 'inform-patients' }),
    incidentEvent('incident.step_undone', id, '2026-11-22T08:08:00.000+07:00', { stepId: 'inform-patients' }),
    incidentEvent(
      'incident.updated',
      id,
      '2026-11-22T08:20:00.000+07:00',
      { respondedAt: '2026-11-22T08:20:00.000+07:00', technician: 'Andi (IT)', scope: 'unit' },
      'admin',
    ),
    incidentEvent(
      'incident.updated',
      id,
      '2026-11-22T08:50:00.000+07:00',
      { workDescription: 'Switch jaringan diganti', cause: 'server' },
      'admin',
    ),
    incidentEvent('incident.closed', id, '2026-11-22T09:10:00.000+07:00', {
      restoredAt: '2026-11-22T09:10:00.000+07:00',
      confirmedBy: 'Rina Petugas',
    }),
  ];

  it('builds the incident from its events, each update replacing the fields it sets', () => {
    const incident = project(events);
    expect(incident).toMatchObject({
      id,
      status: 'closed',
      detection: 'manual',
      detectedAt: '2026-11-22T08:00:00.000+07:00',
      timeZone: 'Asia/Jakarta',
      unit: 'Pendaftaran',
      scope: 'unit',
      cause: 'server',
      drill: false,
      requestedAt: '2026-11-22T08:05:00.000+07:00',
      respondedAt: '2026-11-22T08:20:00.000+07:00',
      technician: 'Andi (IT)',
      workDescription: 'Switch jaringan diganti',
      restoredAt: '2026-11-22T09:10:00.000+07:00',
      confirmedBy: 'Rina Petugas',
      openedBy: { role: 'registration' },
      anomalies: [],
    });
    expect(incident.trail).toHaveLength(events.length);
    expect(incident.steps).toMatchObject([
      { stepId: 'contact-technician', unit: 'Pendaftaran', done: true, by: { role: 'registration' } },
      { stepId: 'inform-patients', done: false, at: '2026-11-22T08:08:00.000+07:00' },
    ]);
    expect(responseMinutes(incident)).toBe(15);
    expect(onTime(incident)).toBe(true);
    expect(downtimeMinutes(incident)).toBe(70);
  });

  it('gives the same row whatever order the events arrive in, duplicates included', () => {
    const expected = project(events);
    for (let seed = 1; seed <= 20; seed += 1) {
      expect(project(shuffled([...events, events[3]!, events[0]!], seed))).toEqual(expected);
    }
  });

  it('lists the SOP steps with their state per unit', () => {
    const incident = project(events);
    const checklist = checklistOf(incident, DEFAULT_SOP_STEPS, 'Pendaftaran');
    expect(checklist[0]).toMatchObject({ step: { id: 'contact-technician' }, state: { done: true } });
    expect(checklist[1]?.state).toBeUndefined();
    expect(checklistOf(incident, DEFAULT_SOP_STEPS)[1]?.state).toMatchObject({ done: false });
  });

  it('flags a response recorded before the request and a restoration before the detection', () => {
    const other = uuidv7();
    const incident = project([
      opened(other, '2026-11-22T10:00:00.000+07:00'),
      incidentEvent('incident.updated', other, '2026-11-22T10:30:00.000+07:00', {
        requestedAt: '2026-11-22T10:30:00.000+07:00',
        respondedAt: '2026-11-22T10:20:00.000+07:00',
      }),
      incidentEvent('incident.closed', other, '2026-11-22T10:40:00.000+07:00', {
        restoredAt: '2026-11-22T09:00:00.000+07:00',
        confirmedBy: 'Rina Petugas',
      }),
    ]);
    expect(incident.anomalies.map((anomaly) => anomaly.rule)).toEqual(['timeOrder', 'timeOrder']);
  });

  it('refuses an update that sets nothing', () => {
    expect(() => incidentEvent('incident.updated', id, '2026-11-22T08:05:00.000+07:00', {})).toThrow();
  });
});

describe('automatic incidents opened by two devices', () => {
  it('derives one valid UUIDv7-shaped id per hub and outage start', async () => {
    const since = '2026-11-22T08:00:00.000+07:00';
    const first = await automaticIncidentId('hub-1', since);
    expect(first).toMatch(UUID_V7_PATTERN);
    expect(await automaticIncidentId('hub-1', '2026-11-22T01:00:00.000Z')).toBe(first);
    expect(await automaticIncidentId('hub-2', since)).not.toBe(first);
    expect(await automaticIncidentId('hub-1', '2026-11-22T08:00:01.000+07:00')).not.toBe(first);
    // The timestamp bits are `since`: ids sort like the outages.
    expect(Number.parseInt(first.replaceAll('-', '').slice(0, 12), 16)).toBe(Date.parse(since));
  });

  it('merges two openings: the earliest detection is kept, the other is a sighting, no anomaly', async () => {
    const id = await automaticIncidentId('hub-1', '2026-11-22T08:00:00.000+07:00');
    const fromDesk = incidentEvent('incident.opened', id, '2026-11-22T08:00:40.000+07:00', {
      detection: 'automatic',
      detectedAt: '2026-11-22T08:00:40.000+07:00',
      unit: 'Pendaftaran',
      scope: 'hospital',
      cause: 'unknown',
      drill: false,
    });
    const fromPoli = incidentEvent(
      'incident.opened',
      id,
      '2026-11-22T08:00:30.000+07:00',
      {
        detection: 'automatic',
        detectedAt: '2026-11-22T08:00:10.000+07:00',
        unit: 'Poli Anak',
        scope: 'hospital',
        cause: 'unknown',
        drill: false,
      },
      'clinician',
    );
    // The poli's opening was recorded later than the desk's but saw the outage earlier.
    const late = { ...fromPoli, occurredAt: '2026-11-22T08:00:50.000+07:00' } as DomainEvent;
    for (const order of [
      [fromDesk, late],
      [late, fromDesk],
    ]) {
      const incident = project(order);
      expect(incident).toMatchObject({
        detectedAt: '2026-11-22T08:00:10.000+07:00',
        unit: 'Poli Anak',
        openedBy: { role: 'clinician' },
        status: 'open',
        anomalies: [],
      });
      expect(incident.sightings.map((sighting) => sighting.eventId)).toEqual([late.id, fromDesk.id]);
    }
  });
});

describe('incident numbers', () => {
  const incident = (detectedAt: string, drill = false): Incident =>
    project([opened(uuidv7(), detectedAt, { drill })]);

  it('numbers a month by detection time, drills apart, in the facility zone', () => {
    const first = incident('2026-11-03T09:00:00.000+07:00');
    const drill = incident('2026-11-04T09:00:00.000+07:00', true);
    const second = incident('2026-11-10T09:00:00.000+07:00');
    // 1 Dec 00:30 WIB is still 30 Nov in UTC: it belongs to December.
    const december = incident('2026-12-01T00:30:00.000+07:00');
    // 30 Nov 23:30 WIB.
    const lastOfNovember = incident('2026-11-30T23:30:00.000+07:00');
    const all = [december, second, drill, first, lastOfNovember];
    expect(all.map((each) => incidentNumber(each, all))).toEqual([
      'DT-202612-001',
      'DT-202611-002',
      'LATIHAN-202611-001',
      'DT-202611-001',
      'DT-202611-003',
    ]);

    // An earlier incident that arrives late takes its place; later ones move up.
    const lateArrival = incident('2026-11-05T09:00:00.000+07:00');
    const withLate = [...all, lateArrival];
    expect(incidentNumber(lateArrival, withLate)).toBe('DT-202611-002');
    expect(incidentNumber(second, withLate)).toBe('DT-202611-003');
    expect(incidentNumber(drill, withLate)).toBe('LATIHAN-202611-001');
    // Whatever order the device holds them in.
    expect(shuffled(withLate, 7).map((each) => incidentNumber(each, shuffled(withLate, 3)))).toEqual(
      shuffled(withLate, 7).map((each) => incidentNumber(each, withLate)),
    );
  });

  it('ranks incidents detected at the same instant by id', () => {
    const a = incident('2026-11-03T09:00:00.000+07:00');
    const b = { ...a, id: uuidv7() };
    const [low, high] = a.id < b.id ? [a, b] : [b, a];
    expect(incidentNumber(low, [high, low])).toBe('DT-202611-001');
    expect(incidentNumber(high, [high, low])).toBe('DT-202611-002');
  });
});

describe('derived incident values', () => {
  const base = project([opened(uuidv7(), '2026-11-22T23:40:00.000+07:00')]);

  it('is on time at exactly 15 minutes and late one second after, with a configurable threshold', () => {
    const at15 = {
      requestedAt: '2026-11-22T23:50:00.000+07:00',
      respondedAt: '2026-11-23T00:05:00.000+07:00',
    };
    expect(responseMinutes(at15)).toBe(15);
    expect(onTime(at15)).toBe(true);
    expect(onTime({ ...at15, respondedAt: '2026-11-23T00:05:01.000+07:00' })).toBe(false);
    expect(onTime({ ...at15, respondedAt: '2026-11-23T00:05:01.000+07:00' }, 20)).toBe(true);
    expect(onTime({ requestedAt: at15.requestedAt })).toBeUndefined();
    expect(responseMinutes({})).toBeUndefined();
  });

  it('is due for failover 60 minutes after detection, in the facility zone', () => {
    expect(failoverDueAt(base)).toBe('2026-11-23T00:40:00.000+07:00');
    expect(isFailoverOverdue(base, new Date('2026-11-23T00:39:59+07:00'))).toBe(false);
    expect(isFailoverOverdue(base, new Date('2026-11-23T00:40:00+07:00'))).toBe(true);
    expect(
      isFailoverOverdue(
        { ...base, failoverAt: '2026-11-23T00:30:00.000+07:00' },
        new Date('2026-11-23T01:00:00+07:00'),
      ),
    ).toBe(false);
  });

  it('counts downtime across midnight, and none while open', () => {
    expect(downtimeMinutes(base)).toBeUndefined();
    expect(downtimeMinutes({ ...base, restoredAt: '2026-11-23T01:15:30.000+07:00' })).toBe(95);
  });
});

describe('incident rights', () => {
  const id = uuidv7();

  it('lets a registration clerk open an incident and tick steps, but not void them', () => {
    const open = opened(id, '2026-11-22T08:00:00.000+07:00');
    expect(isPermitted(open)).toBe(true);
    expect(
      isPermitted(
        incidentEvent('incident.step_done', id, '2026-11-22T08:01:00.000+07:00', { stepId: 'repair' }),
      ),
    ).toBe(true);
    expect(
      isPermitted(
        incidentEvent('incident.closed', id, '2026-11-22T09:00:00.000+07:00', {
          restoredAt: '2026-11-22T09:00:00.000+07:00',
          confirmedBy: 'Rina Petugas',
        }),
      ),
    ).toBe(true);
    const voidPayload = { eventId: open.id, eventType: 'incident.opened', reason: 'Salah input' };
    expect(() =>
      incidentEvent('event.voided', id, '2026-11-22T09:00:00.000+07:00', voidPayload, 'registration'),
    ).toThrow(/notPermitted/);
    const voided = incidentEvent('event.voided', id, '2026-11-22T09:00:00.000+07:00', voidPayload, 'admin');
    expect(requiredRight(voided)).toEqual({ workflow: 'incidents', right: 'correct' });
    expect(isPermitted(voided)).toBe(true);
  });

  it('lets every role report; only IT and recovery correct', () => {
    for (const role of ['registration', 'records', 'clinician', 'recovery', 'admin'] as const) {
      const open = incidentEvent(
        'incident.opened',
        id,
        '2026-11-22T08:00:00.000+07:00',
        opened(id, '2026-11-22T08:00:00.000+07:00').payload as PayloadOf<'incident.opened'>,
        role,
      );
      expect(isPermitted(open)).toBe(true);
      const correcting = { ...open, id: uuidv7(), corrects: open.id } as DomainEvent;
      expect(isPermitted(correcting)).toBe(role === 'admin' || role === 'recovery');
    }
  });
});

describe('the SOP checklist configuration', () => {
  it('falls back to the default list and accepts a hospital list, refusing duplicate ids', () => {
    expect(sopSteps(DEMO_CONFIG)).toBe(DEFAULT_SOP_STEPS);
    expect(DEFAULT_SOP_STEPS).toHaveLength(11);
    const steps = [{ id: 'hubungi-it', label: 'Hubungi IT', role: 'unit' as const }];
    const parsed = parseRuntimeConfig({ ...DEMO_CONFIG, sop: steps });
    expect(parsed.ok && sopSteps(parsed.value)).toEqual(steps);
    expect(parseRuntimeConfig({ ...DEMO_CONFIG, sop: [...steps, ...steps] }).ok).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCursor, pullResponseSchema, type DeviceProfile, type DomainEvent } from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { storeEvents } from '../../../server/events/eventStore';
import { MAX_PULL_SCAN } from '../../../server/events/scopedEventsAfter';
import { createAttemptLimiter } from '../../../server/security/rateLimit';
import { eventAs, eventAt, visitRegistered } from '../domain/eventFactory';
import { sampleEvent } from '../domain/eventSamples';
import {
  call,
  enrollTestDevice,
  push,
  testAccount,
  userCreated,
  type EnrolledTestDevice,
  type ErrorBody,
} from './hubCalls';
import { startTestHub, TEST_ENROLLMENT_CODE, type TestHub } from './hubTestServer';

/** The test events' day is 22 Nov 2026 (WIB); the hub's clock stands at its noon. */
const NOON = Date.parse('2026-11-22T12:00:00+07:00');

type PulledPage = { events: DomainEvent[]; cursor: string; more: boolean };
type DeviceRecord = { deviceId: string; deviceCode: string; profile: DeviceProfile };

/** One visit's work, as the desk, the records room and the poli record it. */
function visitWork(options: { poliCode: 'UMU' | 'ANA'; serviceDate?: string; time?: string }) {
  const serviceDate = options.serviceDate ?? '2026-11-22';
  const [patientId, visitId, slipId, assessmentId] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
  const doctorCode = options.poliCode === 'UMU' ? 'D001' : 'D010';
  const prefix = options.poliCode === 'UMU' ? 'A' : 'B';
  const patient = sampleEvent('patient.registered', patientId);
  const visit = visitRegistered(visitId, options.time ?? '08:00', {
    patientId,
    poliCode: options.poliCode,
    doctorCode,
    ticket: { prefix, deviceCode: 'PD1', sequence: 1 },
    serviceDate,
    arrivedAt: `${serviceDate}T08:00:00.000+07:00`,
  });
  const slip = eventAt('slip.requested', slipId, '08:01', {
    slipNo: 'BON-PD1-261122-001',
    visitId,
    patientId,
    mrn: '204455',
    poliCode: options.poliCode,
    serviceDate,
    automatic: true,
  });
  const slipSent = eventAs('records', 'slip.sent', slipId, '08:20', { rm12BlankIssued: true }, 'RM1');
  const called = eventAs('clinician', 'queue.called', visitId, '09:00', {}, 'POL');
  const signed = sampleEvent('assessment.signed', assessmentId, { visitId, time: '09:30' });
  const voidOfSigned = sampleEvent('event.voided', assessmentId, {
    voids: 'assessment.signed',
    time: '09:40',
  });
  return {
    ids: { patientId, visitId, slipId, assessmentId },
    patient,
    visitEvents: [visit, called],
    slipEvents: [slip, slipSent],
    assessmentEvents: [signed, voidOfSigned],
    all: [patient, visit, slip, slipSent, called, signed, voidOfSigned],
  };
}

const idsOf = (events: readonly { id: string }[]) => events.map((event) => event.id);

describe('[P45] [P46] [P47] scoped pulls: each device receives what its profile needs', () => {
  const at = NOON;
  let hub: TestHub;
  let source: EnrolledTestDevice;
  let adminToken: string;
  const admin = testAccount('it.scope', 'admin');

  beforeAll(async () => {
    hub = await startTestHub({ now: () => new Date(at), signInAttempts: createAttemptLimiter() });
    // The devices that record the work: full (the console's code), their own events never pulled back.
    source = await enrollTestDevice(hub, 'SRC');
    const created = await push(hub, source.token, [await userCreated(admin, 'Andi Teknisi')]);
    expect(created.body.results[0]?.status).toBe('accepted');
    const session = await call<{ token: string }>(hub, '/api/v1/admin/sessions', {
      body: { username: admin.username, passphrase: admin.passphrase },
    });
    expect(session.status).toBe(201);
    adminToken = session.body.token;
  });
  afterAll(async () => {
    await hub.close();
  });

  async function issueCode(profile?: DeviceProfile): Promise<string> {
    const issued = await call<{ code: string; profile: DeviceProfile }>(
      hub,
      '/api/v1/admin/enrollment-codes',
      {
        method: 'POST',
        token: adminToken,
        body: profile ? { profile } : {},
      },
    );
    expect(issued.status).toBe(201);
    expect(issued.body.profile).toEqual(profile ?? { kind: 'full' });
    return issued.body.code;
  }

  async function enrollAs(deviceCode: string, profile: DeviceProfile): Promise<EnrolledTestDevice> {
    return enrollTestDevice(hub, deviceCode, await issueCode(profile));
  }

  const setProfile = (deviceId: string, profile: unknown) =>
    call<{ device: DeviceRecord } & ErrorBody>(hub, `/api/v1/admin/devices/${deviceId}/profile`, {
      method: 'PUT',
      token: adminToken,
      body: { profile },
    });

  async function pullPage(token: string, after = '', limit?: number, extra: Record<string, string> = {}) {
    const query = new URLSearchParams({ after, ...(limit ? { limit: String(limit) } : {}), ...extra });
    const answer = await call(hub, `/api/v1/events?${query.toString()}`, { token });
    return { status: answer.status, body: answer.body };
  }

  /** Pulls page by page from `after` until the hub says there is no more, as the sync engine does. */
  async function pullAll(token: string, after = '', limit?: number) {
    const events: DomainEvent[] = [];
    let cursor = after;
    let pages = 0;
    for (;;) {
      const answer = await pullPage(token, cursor, limit);
      expect(answer.status).toBe(200);
      const page = pullResponseSchema.parse(answer.body) as PulledPage;
      events.push(...page.events);
      cursor = page.cursor;
      pages += 1;
      if (!page.more) return { events, cursor, pages };
    }
  }

  async function record(events: DomainEvent[]): Promise<void> {
    const answer = await push(hub, source.token, events);
    expect(answer.body.results.map((result) => result.status)).toEqual(events.map(() => 'accepted'));
  }

  describe('what each profile receives', () => {
    const umum = visitWork({ poliCode: 'UMU' });
    const anak = visitWork({ poliCode: 'ANA' });
    const incident = sampleEvent('incident.opened', uuidv7());
    const audit = eventAt('audit.recorded', uuidv7(), '09:45', {
      action: 'visit_viewed',
      visitId: umum.ids.visitId,
      patientId: umum.ids.patientId,
    });
    const paused = eventAt('delivery.paused', uuidv7(), '10:00', { target: 'simrs' });
    let devices: Record<'desk' | 'records' | 'clinicUmum' | 'clinicAnak' | 'full', EnrolledTestDevice>;

    beforeAll(async () => {
      devices = {
        desk: await enrollAs('PD1', { kind: 'desk' }),
        records: await enrollAs('RM1', { kind: 'records' }),
        clinicUmum: await enrollAs('PU1', { kind: 'clinic', polis: ['UMU'] }),
        clinicAnak: await enrollAs('PA1', { kind: 'clinic', polis: ['ANA'] }),
        full: await enrollTestDevice(hub, 'IT2'),
      };
      await record([...umum.all, ...anak.all, incident, audit, paused]);
    });

    it('[P46] gives a clinic tablet its poli’s visits, tickets, slips and RM 1.2, never another poli’s', async () => {
      const pulled = idsOf((await pullAll(devices.clinicUmum.token)).events);
      expect(pulled).toEqual(
        expect.arrayContaining(
          idsOf([...umum.visitEvents, ...umum.slipEvents, ...umum.assessmentEvents, umum.patient]),
        ),
      );
      for (const id of idsOf([...anak.visitEvents, ...anak.slipEvents, ...anak.assessmentEvents]))
        expect(pulled).not.toContain(id);
      const other = idsOf((await pullAll(devices.clinicAnak.token)).events);
      expect(other).toEqual(expect.arrayContaining(idsOf(anak.assessmentEvents)));
      for (const id of idsOf([...umum.visitEvents, ...umum.slipEvents, ...umum.assessmentEvents]))
        expect(other).not.toContain(id);
    });

    it('[P46] gives desks and the records room every poli’s visits, tickets and slips, never an RM 1.2 or its void', async () => {
      for (const device of [devices.desk, devices.records]) {
        const pulled = idsOf((await pullAll(device.token)).events);
        expect(pulled).toEqual(
          expect.arrayContaining(
            idsOf([
              ...umum.visitEvents,
              ...umum.slipEvents,
              ...anak.visitEvents,
              ...anak.slipEvents,
              umum.patient,
              anak.patient,
            ]),
          ),
        );
        for (const id of idsOf([...umum.assessmentEvents, ...anak.assessmentEvents]))
          expect(pulled).not.toContain(id);
      }
    });

    it('[P46] sends patients, accounts and incidents to every device; audit entries and delivery decisions only to full ones', async () => {
      for (const device of [devices.desk, devices.records, devices.clinicUmum, devices.clinicAnak]) {
        const pulled = idsOf((await pullAll(device.token)).events);
        // Patients are the index of returning ones: every device holds them, whatever its polis.
        expect(pulled).toEqual(expect.arrayContaining(idsOf([umum.patient, anak.patient, incident])));
        expect(pulled).not.toContain(audit.id);
        expect(pulled).not.toContain(paused.id);
      }
      const full = idsOf((await pullAll(devices.full.token)).events);
      expect(full).toEqual(
        expect.arrayContaining(idsOf([...umum.all, ...anak.all, incident, audit, paused])),
      );
    });

    it('[P46] moves the cursor past what it leaves out, so a device never reads those rows again', async () => {
      const first = await pullAll(devices.clinicAnak.token);
      const newest = hub.db.prepare<[], { seq: number }>('SELECT max(seq) AS seq FROM events').get()!.seq;
      expect(parseCursor(first.cursor)?.seq).toBe(newest);
      // More of the other poli's work: nothing for this tablet, and its cursor still moves on.
      await record([eventAs('clinician', 'queue.recalled', umum.ids.visitId, '09:05', {}, 'POL')]);
      const next = pullResponseSchema.parse((await pullPage(devices.clinicAnak.token, first.cursor)).body);
      expect(next).toMatchObject({ events: [], more: false });
      expect(parseCursor(next.cursor)?.seq).toBe(newest + 1);
      // Small pages of what it does receive: `more` until the last one, no event twice.
      const paged = await pullAll(devices.clinicAnak.token, '', 2);
      expect(paged.pages).toBeGreaterThan(1);
      expect(idsOf(paged.events)).toEqual(idsOf(first.events));
      expect(new Set(idsOf(paged.events)).size).toBe(paged.events.length);
    });
  });

  it('[P46] leaves visits older than the pull window on the hub, as the configuration says', async () => {
    const desk = await enrollAs('PD2', { kind: 'desk' });
    const tablet = await enrollAs('PU2', { kind: 'clinic', polis: ['UMU'] });
    const full = await enrollTestDevice(hub, 'IT3');
    // Seven days is the default: the 15th is in, the 14th is out (today is the 22nd).
    const inside = visitWork({ poliCode: 'UMU', serviceDate: '2026-11-15' });
    const outside = visitWork({ poliCode: 'UMU', serviceDate: '2026-11-14' });
    await record([...inside.all, ...outside.all]);
    const old = idsOf([...outside.visitEvents, ...outside.slipEvents]);
    for (const device of [desk, tablet]) {
      const pulled = idsOf((await pullAll(device.token)).events);
      expect(pulled).toEqual(expect.arrayContaining(idsOf([...inside.visitEvents, ...inside.slipEvents])));
      for (const id of [...old, ...idsOf(outside.assessmentEvents)]) expect(pulled).not.toContain(id);
      // The patient is still there: a returning patient is found at the desk whatever the date.
      expect(pulled).toContain(outside.patient.id);
    }
    expect(idsOf((await pullAll(full.token)).events)).toEqual(expect.arrayContaining(idsOf(outside.all)));
    // IT widens the window: a pull from the start now brings the older visit too.
    hub.writeConfig({ ...DEMO_CONFIG, sync: { pullWindowDays: 30 } });
    expect(idsOf((await pullAll(desk.token)).events)).toEqual(expect.arrayContaining(old));
    hub.writeConfig(DEMO_CONFIG);
  });

  it('[P46] sends the events of a visit the hub has not seen to every device, and scopes them once it has', async () => {
    const desk = await enrollAs('PD3', { kind: 'desk' });
    const umumTablet = await enrollAs('PU3', { kind: 'clinic', polis: ['UMU'] });
    const anakTablet = await enrollAs('PA3', { kind: 'clinic', polis: ['ANA'] });
    const later = visitWork({ poliCode: 'ANA' });
    const [registration, called] = later.visitEvents as [DomainEvent, DomainEvent];
    const [signed] = later.assessmentEvents as [DomainEvent];
    // The poli's tablet pushed before the desk did: the hub knows neither poli nor date yet.
    await record([called, signed]);
    for (const device of [desk, umumTablet, anakTablet])
      expect(idsOf((await pullAll(device.token)).events)).toContain(called.id);
    expect(idsOf((await pullAll(umumTablet.token)).events)).toContain(signed.id);
    expect(idsOf((await pullAll(desk.token)).events)).not.toContain(signed.id);
    // The registration arrives: from now on the visit is Poli Anak's.
    await record([registration]);
    const fresh = idsOf((await pullAll(umumTablet.token)).events);
    for (const id of idsOf([registration, called, signed])) expect(fresh).not.toContain(id);
    expect(idsOf((await pullAll(anakTablet.token)).events)).toEqual(
      expect.arrayContaining(idsOf([registration, called, signed])),
    );
  });

  it('[P46] moves a visit whose registration is corrected to another poli, telling the tablet that held it', async () => {
    const umumTablet = await enrollAs('PU4', { kind: 'clinic', polis: ['UMU'] });
    const anakTablet = await enrollAs('PA4', { kind: 'clinic', polis: ['ANA'] });
    const work = visitWork({ poliCode: 'UMU' });
    const [registration, called] = work.visitEvents as [DomainEvent, DomainEvent];
    await record([work.patient, registration]);
    const before = await pullAll(umumTablet.token);
    expect(idsOf(before.events)).toContain(registration.id);
    const moved = {
      ...visitRegistered(work.ids.visitId, '08:10', {
        patientId: work.ids.patientId,
        poliCode: 'ANA',
        doctorCode: 'D010',
        ticket: { prefix: 'B', deviceCode: 'PD1', sequence: 2 },
      }),
      corrects: registration.id,
    } as DomainEvent;
    await record([moved, called]);
    // The tablet of the old poli learns the visit left; the new poli's has it from the correction on.
    const after = idsOf((await pullAll(umumTablet.token, before.cursor)).events);
    expect(after).toContain(moved.id);
    expect(after).not.toContain(called.id);
    expect(idsOf((await pullAll(anakTablet.token)).events)).toEqual(
      expect.arrayContaining(idsOf([moved, called])),
    );
    expect(
      hub.db
        .prepare<[string], { poli_code: string }>('SELECT poli_code FROM visit_scopes WHERE visit_id = ?')
        .get(work.ids.visitId)?.poli_code,
    ).toBe('ANA');
  });

  describe('profiles are IT’s decision', () => {
    it('[P47] makes the cursor stale when IT changes the profile, and the device pulls again under the new one', async () => {
      const anak = visitWork({ poliCode: 'ANA' });
      await record(anak.all);
      const tablet = await enrollAs('PU5', { kind: 'clinic', polis: ['UMU'] });
      const before = await pullAll(tablet.token);
      expect(idsOf(before.events)).not.toContain(anak.visitEvents[0]!.id);

      const changed = await setProfile(tablet.deviceId, { kind: 'clinic', polis: ['ANA', 'UMU'] });
      expect(changed.status).toBe(200);
      expect(changed.body.device.profile).toEqual({ kind: 'clinic', polis: ['ANA', 'UMU'] });
      const stale = await pullPage(tablet.token, before.cursor);
      expect(stale.status).toBe(409);
      expect((stale.body as ErrorBody).error.code).toBe('cursor_foreign');
      const again = await pullAll(tablet.token);
      expect(idsOf(again.events)).toEqual(expect.arrayContaining(idsOf(anak.all)));
      expect(parseCursor(again.cursor)?.profileVersion).toBe(parseCursor(before.cursor)!.profileVersion + 1);

      // The same profile again (polis in another order) changes nothing: the cursor stays good.
      expect((await setProfile(tablet.deviceId, { kind: 'clinic', polis: ['UMU', 'ANA'] })).status).toBe(200);
      expect((await pullPage(tablet.token, again.cursor)).status).toBe(200);
      const listed = await call<{ devices: DeviceRecord[] }>(hub, '/api/v1/admin/devices', {
        token: adminToken,
      });
      expect(listed.body.devices.find((device) => device.deviceId === tablet.deviceId)?.profile).toEqual({
        kind: 'clinic',
        polis: ['ANA', 'UMU'],
      });
    });

    it('[P45] ignores anything a device says about itself: no profile at enrollment, none in a pull, none by re-enrolling', async () => {
      const claimed = await call<ErrorBody>(hub, '/api/v1/enroll', {
        body: {
          code: TEST_ENROLLMENT_CODE,
          deviceId: uuidv7(),
          deviceCode: 'PU6',
          profile: { kind: 'full' },
        },
      });
      expect(claimed.status).toBe(400);
      expect(claimed.body.error.code).toBe('invalid_request');

      const anak = visitWork({ poliCode: 'ANA' });
      await record(anak.all);
      const tablet = await enrollAs('PU6', { kind: 'clinic', polis: ['UMU'] });
      const asked = await pullPage(tablet.token, '', undefined, {
        profile: 'full',
        kind: 'full',
        polis: 'ANA',
      });
      expect(asked.status).toBe(200);
      expect(idsOf((asked.body as PulledPage).events)).not.toContain(anak.visitEvents[0]!.id);

      // The console's code gives a known device new tokens, not a wider profile.
      const again = await call<{ token: string }>(hub, '/api/v1/enroll', {
        body: { code: TEST_ENROLLMENT_CODE, deviceId: tablet.deviceId, deviceCode: 'PU6' },
      });
      expect(again.status).toBe(201);
      const after = idsOf((await pullAll(again.body.token)).events);
      expect(after).not.toContain(anak.visitEvents[0]!.id);
    });

    it('[P45] refuses a profile that is not one, or names a poli the hospital does not have', async () => {
      const device = await enrollAs('PU7', { kind: 'desk' });
      for (const profile of [
        { kind: 'clinic', polis: [] },
        { kind: 'clinic' },
        { kind: 'clinic', polis: ['XYZ'] },
        { kind: 'superuser' },
        { kind: 'desk', polis: ['UMU'] },
      ]) {
        const refused = await setProfile(device.deviceId, profile);
        expect(refused.status).toBe(400);
        expect(refused.body.error.code).toBe('invalid_request');
        const code = await call<ErrorBody>(hub, '/api/v1/admin/enrollment-codes', {
          method: 'POST',
          token: adminToken,
          body: { profile },
        });
        expect(code.status).toBe(400);
      }
      const unknown = await setProfile(uuidv7(), { kind: 'desk' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('device_not_found');
      const anonymous = await call<ErrorBody>(hub, `/api/v1/admin/devices/${device.deviceId}/profile`, {
        method: 'PUT',
        token: device.token,
        body: { profile: { kind: 'full' } },
      });
      expect(anonymous.status).toBe(401);
    });
  });

  // Last: the 10,000 rows it stores would make every later full pull long.
  it('[P46] looks at a bounded run of rows per request, however much another poli recorded', async () => {
    const tablet = await enrollAs('PA2', { kind: 'clinic', polis: ['ANA'] });
    const { cursor: start } = await pullAll(tablet.token);
    const umum = visitWork({ poliCode: 'UMU' });
    const anak = visitWork({ poliCode: 'ANA' });
    const visit = umum.visitEvents[0]!;
    // A busy poli's day stored at once (straight into the store: pushing 10,000 signed events
    // over HTTP proves nothing more here).
    const burst = Array.from({ length: MAX_PULL_SCAN + 50 }, (_, index) => ({
      ...umum.visitEvents[1]!,
      id: uuidv7(),
      occurredAt: new Date(Date.parse(visit.occurredAt) + index * 1_000).toISOString(),
    }));
    storeEvents(hub.db, [visit, ...burst, ...anak.visitEvents], source.deviceId, new Date(at));
    const startedAt = performance.now();
    const first = pullResponseSchema.parse((await pullPage(tablet.token, start)).body);
    // Skipping a whole scan's worth is a few milliseconds of the hub's time, not seconds.
    expect(performance.now() - startedAt).toBeLessThan(1_000);
    expect(first.events).toEqual([]);
    expect(first.more).toBe(true);
    expect(parseCursor(first.cursor)!.seq - parseCursor(start)!.seq).toBe(MAX_PULL_SCAN);
    const rest = await pullAll(tablet.token, first.cursor);
    expect(idsOf(rest.events)).toEqual(idsOf(anak.visitEvents));
  });
});

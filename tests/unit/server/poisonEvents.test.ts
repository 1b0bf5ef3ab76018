/**
 * Poison events (issue 15): one schema-valid event that is impossible in context — an RM 1.2
 * signed under a visit's id, say — made the worklist and the reconciliation answer 500 and the
 * delivery loop fail until the hub stopped. Here every event type is pushed against every wrong
 * kind of entity and must be refused and not stored; then the same events are put straight into
 * the store (an older hub's) and every endpoint the hub registers must still answer without a
 * 5xx while delivery of the other visits completes against the SIMRS simulator.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_KINDS, entityReferencesOf, type DomainEvent, type EntityKind } from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { planDeliveries } from '@/domain/delivery/planVisitDeliveries';
import { planningInput, queueSummary, replanQueue } from '../../../server/delivery/deliveryQueue';
import { HUB_FAULT, startDeliveryWorker, type DeliveryWorker } from '../../../server/delivery/deliveryWorker';
import { simrsRestAdapter } from '../../../server/delivery/simrsRestAdapter';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { setDeviceProfile } from '../../../server/devices/deviceProfiles';
import { countEvents, storeEvents } from '../../../server/events/eventStore';
import { createSimrsSimulator } from '../../../server/simrsSimulator/simrsSimulator';
import { outageDay, registrationAt } from '../../fixtures/outageEvents';
import { eventAt, visitRegistered } from '../domain/eventFactory';
import { CREATION_OF_KIND, sampleEvent, typesWithKinds } from '../domain/eventSamples';
import { deliveryStarted, useDeliveryTestKit, waitFor } from './deliveryTestKit';
import { enrollTestDevice, push, testAccount, userCreated, type EnrolledTestDevice } from './hubCalls';
import { startTestHub, type TestHub } from './hubTestServer';
import { storeAsOlderHub } from './olderHub';

const stored = (hub: TestHub, ids: readonly string[]) =>
  ids.filter((id) => hub.db.prepare('SELECT 1 FROM events WHERE id = ?').get(id)).length;

describe('[P31] the hub refuses an event whose entity it knows as another kind, storing none', () => {
  let hub: TestHub;
  let device: EnrolledTestDevice;
  /** One entity of each kind, made by its own creation event. */
  const entities = new Map<EntityKind, string>();

  beforeAll(async () => {
    hub = await startTestHub();
    device = await enrollTestDevice(hub, 'PD1');
    const creations = ENTITY_KINDS.map((kind) => {
      const id = uuidv7();
      entities.set(kind, id);
      return sampleEvent(CREATION_OF_KIND[kind], id, { time: '08:00' });
    });
    const made = await push(hub, device.token, creations);
    expect(made.body.results.map((result) => result.status)).toEqual(creations.map(() => 'accepted'));
  });
  afterAll(async () => {
    await hub.close();
  });

  it('[P31] refuses every event type against every other kind of entity, per event, and stores none', async () => {
    const poison = typesWithKinds().flatMap(({ type, kind, voids }) =>
      ENTITY_KINDS.filter((other) => other !== kind).map((other) =>
        sampleEvent(type, entities.get(other)!, voids ? { voids } : {}),
      ),
    );
    const before = countEvents(hub.db);
    const answer = await push(hub, device.token, poison);
    expect(answer.status).toBe(200);
    for (const [index, result] of answer.body.results.entries()) {
      const event = poison[index]!;
      expect(result, `${event.type} on ${event.entityId}`).toMatchObject({
        id: event.id,
        status: 'rejected',
        code: 'wrong_entity',
        field: 'entityId',
      });
    }
    expect(countEvents(hub.db)).toBe(before);
    expect(
      stored(
        hub,
        poison.map((event) => event.id),
      ),
    ).toBe(0);
  });

  it('[P31] accepts every event type on an entity of its own kind and on an id it has not seen yet', async () => {
    const fitting = typesWithKinds().flatMap(({ type, kind, voids }) => [
      sampleEvent(type, entities.get(kind)!, voids ? { voids } : {}),
      sampleEvent(type, uuidv7(), voids ? { voids } : {}),
    ]);
    const answer = await push(hub, device.token, fitting);
    expect(answer.body.results.filter((result) => result.status !== 'accepted')).toEqual([]);
  });

  it('[P31] refuses a payload that names an entity of another kind, and accepts one the hub has not seen', async () => {
    let refused = 0;
    for (const name of ['patientId', 'visitId', 'slipId', 'drillId'] as const) {
      const cases = typesWithKinds().flatMap(({ type, voids }) =>
        ENTITY_KINDS.map((other) => {
          const named = entities.get(other)!;
          const event =
            name === 'drillId'
              ? { ...sampleEvent(type, uuidv7(), voids ? { voids } : {}), drillId: named }
              : sampleEvent(type, uuidv7(), { [name]: named, ...(voids ? { voids } : {}) });
          return { event, named, other };
        }),
      );
      const answer = await push(
        hub,
        device.token,
        cases.map(({ event }) => event),
      );
      for (const [index, { event, named, other }] of cases.entries()) {
        const result = answer.body.results[index]!;
        const reference = entityReferencesOf(event).find((candidate) => candidate.id === named);
        if (reference && reference.kind !== other) {
          refused += 1;
          expect(result, `${event.type} naming a ${other} in ${name}`).toMatchObject({
            status: 'rejected',
            code: 'wrong_entity',
            field: reference.field,
          });
        } else expect(result.status, `${event.type} naming a ${other} in ${name}`).toBe('accepted');
      }
    }
    // Every reference of every type was tried against every other kind.
    expect(refused).toBeGreaterThan(100);
    // Never seen: a patient registered on a desk that has not synced yet.
    const ahead = await push(hub, device.token, [
      visitRegistered(uuidv7(), '09:00', { patientId: uuidv7() }),
    ]);
    expect(ahead.body.results[0]?.status).toBe('accepted');
  });

  it('[P31] refuses an RM 1.2 signed under its own visit’s id before either reached the hub', async () => {
    const visitId = uuidv7();
    const underVisit = sampleEvent('assessment.signed', visitId, { visitId });
    const answer = await push(hub, device.token, [underVisit]);
    expect(answer.body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'wrong_entity',
      field: 'payload.visitId',
    });
  });

  it('[P31] judges by the earlier accepted events of the same batch, never by refused ones', async () => {
    const [visitId, otherId] = [uuidv7(), uuidv7()];
    const unknownPoli = visitRegistered(otherId, '09:00', { poliCode: 'XXX' });
    const answer = await push(hub, device.token, [
      visitRegistered(visitId, '09:00'),
      sampleEvent('assessment.signed', visitId, { visitId }),
      unknownPoli,
      sampleEvent('assessment.signed', otherId, { visitId }),
    ]);
    expect(answer.body.results.map((result) => [result.status, result.code])).toEqual([
      ['accepted', undefined],
      ['rejected', 'wrong_entity'],
      ['rejected', 'unknown_poli'],
      ['accepted', undefined],
    ]);
  });

  it('[P31] refuses a void of a type that does not exist', async () => {
    const voided = eventAt('event.voided', entities.get('visit')!, '11:00', {
      eventId: uuidv7(),
      eventType: 'visit.teleported',
      reason: 'Tidak ada',
    });
    expect((await push(hub, device.token, [voided])).body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'wrong_entity',
      field: 'payload.eventType',
    });
  });

  it('[P31] answers a resent event an older hub stored as a duplicate, not a refusal', async () => {
    const poison = sampleEvent('assessment.signed', entities.get('visit')!);
    storeAsOlderHub(hub.db, [poison], device.deviceId);
    expect((await push(hub, device.token, [poison])).body.results[0]).toMatchObject({ status: 'duplicate' });
  });
});

/** Every route the hub registers, as `METHOD /path` (Fastify's tree, read back). */
function registeredRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (depth > 0 ? stack[depth - 1]! : '') + match[2]!;
    stack.length = depth;
    stack.push(path);
    // The catch-all prints as `*` under the root.
    const url = path.startsWith('/') ? path : `/${path}`;
    for (const method of match[3]?.split(', ') ?? []) routes.push(`${method} ${url}`);
  }
  return routes.sort();
}

type Probe = { path: string; token?: string; body?: unknown; expect?: number };

/** A request as a device, IT or a browser makes it; the status and the body, if JSON. */
async function probe(hub: TestHub, method: string, request: Probe) {
  const response = await fetch(`${hub.url}${request.path}`, {
    method,
    headers: {
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
    },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // the app's pages
  }
  return { status: response.status, body };
}

/** Visits, their patients, slips and assessments: the ids a device's registration made. */
function entitiesOf(events: readonly DomainEvent[], visitId: string) {
  const registered = events.find(
    (event) => event.type === 'visit.registered' && event.entityId === visitId,
  ) as Extract<DomainEvent, { type: 'visit.registered' }>;
  const about = (type: DomainEvent['type']) =>
    events.find((event) => event.type === type && (event.payload as { visitId?: string }).visitId === visitId)
      ?.entityId;
  return {
    visit: visitId,
    patient: registered.payload.patientId,
    slip: about('slip.requested'),
    assessment: about('assessment.signed'),
    registration: registered,
  };
}

/** Hub log lines, kept to be read: the worker's own logger. */
function keptLog() {
  const lines: { level: string; data: Record<string, unknown>; message: string }[] = [];
  const at = (level: string) => (data: Record<string, unknown>, message: string) =>
    lines.push({ level, data, message });
  const log = { info: at('info'), warn: at('warn'), error: at('error') } as unknown as FastifyBaseLogger;
  return { lines, log };
}

const PLANNED_TYPE = /^(patient|visit|queue|slip|assessment|event)\./;

describe('[P31] what an older store already holds never fails a read, nor delivery of the other visits', () => {
  it('[P31] answers every route the hub registers without a 5xx and delivers every other visit to the SIMRS simulator', async () => {
    const TOKEN = 'poison-test-token-0123456789abcdef';
    const simulator = createSimrsSimulator({ dbFile: ':memory:', token: TOKEN });
    const simrsUrl = await simulator.app.listen({ port: 0, host: '127.0.0.1' });
    const target = {
      name: 'simrs',
      adapter: 'simrs-rest' as const,
      label: 'SIMRS Uji',
      baseUrl: simrsUrl,
      token: TOKEN,
      timeoutMs: 2_000,
    };
    const hub = await startTestHub({ deliveryTargets: [target], simulator });
    let worker: DeliveryWorker | undefined;
    try {
      const device = await enrollTestDevice(hub, 'PD1');
      const puller = await enrollTestDevice(hub, 'PD2');
      // A clinic tablet's scoped pull reads the same store through the scope tables [P46].
      const clinicPuller = await enrollTestDevice(hub, 'PU2');
      setDeviceProfile(hub.db, clinicPuller.deviceId, { kind: 'clinic', polis: ['UMU'] });
      const revoked = await enrollTestDevice(hub, 'PD9');
      const admin = testAccount('it.racun', 'admin');

      // The outage as the devices captured it, pushed and accepted: six visits with slip and RM 1.2,
      // and a temporary patient whose visit waits for an MRN.
      const day = outageDay({ visits: 6, seed: 15, clinical: true });
      const temporary = registrationAt(
        {
          kind: 'new',
          name: 'Pasien Sementara',
          sex: 'L',
          birthDate: '1975-05-05',
          identityVerifiedBy: 'ktp',
        },
        '2026-11-23T09:30:00+07:00',
      );
      const others = (['incident', 'downtime_log', 'audit_entry', 'delivery_decision'] as const).map(
        (kind) => ({ kind, id: uuidv7() }),
      );
      const pushed = [
        ...day.events,
        ...temporary.events,
        await userCreated(admin),
        ...others.map(({ kind, id }) => sampleEvent(CREATION_OF_KIND[kind], id, { time: '08:00' })),
      ];
      const accepted = await push(hub, device.token, pushed);
      expect(accepted.body.results.filter((result) => result.status !== 'accepted')).toEqual([]);

      // What an older hub let in: under three visits' ids, their patients', slips' and RM 1.2s',
      // the temporary patient's and every other kind's, an event of every other kind; events naming
      // entities of the wrong kind; a void under a patient of a visit's registration.
      const poisoned = day.arrivalOrder.slice(0, 3).map((visitId) => entitiesOf(day.events, visitId));
      const temporaryVisit = temporary.events.find((event) => event.type === 'visit.registered')!;
      const temporaryPatient = entitiesOf(temporary.events, temporaryVisit.entityId).patient;
      const targets: { kind: EntityKind; id: string }[] = [
        ...poisoned.flatMap((one) => [
          { kind: 'visit' as const, id: one.visit },
          { kind: 'patient' as const, id: one.patient },
          { kind: 'slip' as const, id: one.slip! },
          { kind: 'assessment' as const, id: one.assessment! },
        ]),
        { kind: 'patient', id: temporaryPatient },
        { kind: 'account', id: admin.userId },
        ...others,
      ];
      const underWrongEntity = targets.flatMap(({ kind, id }) =>
        typesWithKinds()
          .filter((candidate) => candidate.kind !== kind)
          .map(({ type, voids }) => sampleEvent(type, id, { visitId: id, ...(voids ? { voids } : {}) })),
      );
      const [first] = poisoned as [(typeof poisoned)[number]];
      const namingWrongKinds = typesWithKinds().map(({ type, voids }) =>
        sampleEvent(type, uuidv7(), {
          visitId: first.patient,
          patientId: first.assessment!,
          slipId: first.visit,
          ...(voids ? { voids } : {}),
        }),
      );
      const voidAcross = eventAt('event.voided', first.patient, '12:00', {
        eventId: first.registration.id,
        eventType: 'patient.registered',
        reason: 'Batal keliru',
      });
      const poison = [...underWrongEntity, ...namingWrongKinds, voidAcross];
      storeAsOlderHub(hub.db, poison, device.deviceId);
      // The store is opened again as this hub version finds it after an upgrade.
      await hub.restart();
      expect(
        (
          await push(hub, device.token, [
            sampleEvent('assessment.signed', first.visit, { visitId: first.visit }),
          ])
        ).body.results[0],
      ).toMatchObject({ status: 'rejected', code: 'wrong_entity' });

      // Delivery runs through all of it.
      const { lines, log } = keptLog();
      worker = startDeliveryWorker({
        db: hub.db,
        targets: [{ name: 'simrs', adapter: simrsRestAdapter(target) }],
        config: () => DEMO_CONFIG,
        log,
        pollMs: 10,
      });
      storeEvents(hub.db, [deliveryStarted('simrs')], device.deviceId, new Date());
      worker.kick();
      const counts = () => queueSummary(hub.db, 'simrs', new Date()).counts;
      await waitFor(() => counts().delivered === 6, 'the six visits delivered', 30_000);
      expect(counts()).toMatchObject({ delivered: 6, waiting: 1, pending: 0, retrying: 0, needs_review: 0 });
      const filed = simulator.visits();
      expect(filed.map((visit) => visit.localId)).toEqual(day.arrivalOrder);
      const documents = JSON.stringify(filed.map((visit) => visit.document));
      expect(poison.filter((event) => documents.includes(event.id))).toEqual([]);
      // Each event set aside is logged once, by id and type, without patient data.
      const setAside = lines.filter((line) => line.data.code === 'wrong_entity');
      const expected = underWrongEntity.filter((event) => PLANNED_TYPE.test(event.type));
      expect(setAside.map((line) => line.data.eventId).sort()).toEqual(
        expected.map((event) => event.id).sort(),
      );
      expect(lines.filter((line) => line.level === 'error')).toEqual([]);
      expect(JSON.stringify(lines)).not.toMatch(/Pasien|Sampel|Sementara|\d{16}/);

      // Every route, asked as a device, IT or a browser would.
      const session = async () =>
        (
          await probe(hub, 'POST', {
            path: '/api/v1/admin/sessions',
            body: { username: admin.username, passphrase: admin.passphrase },
          })
        ).body as { token: string };
      const itToken = (await session()).token;
      const ending = (await session()).token;
      const window = { from: '2026-11-23T06:00:00+07:00', to: '2026-11-23T18:00:00+07:00' };
      const patientIds = targets.map((one) => one.id);
      const probes: Record<string, Probe[]> = {
        'GET /api/v1/health': [{ path: '/api/v1/health', expect: 200 }],
        'POST /api/v1/enroll': [
          { path: '/api/v1/enroll', body: { code: 'SALAH-1', deviceId: uuidv7(), deviceCode: 'PD7' } },
        ],
        'POST /api/v1/events': [
          {
            path: '/api/v1/events',
            token: device.token,
            body: { events: poison.slice(0, 100) },
            expect: 200,
          },
        ],
        'GET /api/v1/events': [
          { path: '/api/v1/events?limit=1000', token: puller.token, expect: 200 },
          { path: '/api/v1/events?limit=1000', token: clinicPuller.token, expect: 200 },
        ],
        'GET /api/v1/devices/summary': [
          { path: '/api/v1/devices/summary', token: device.token, expect: 200 },
        ],
        'POST /api/v1/device-key': [
          {
            path: '/api/v1/device-key',
            token: device.token,
            body: { sealed: { epk: 'a', iv: 'b', ct: 'c' } },
          },
        ],
        'POST /api/v1/device-key/release': [
          {
            path: '/api/v1/device-key/release',
            token: device.token,
            body: { username: admin.username, passphrase: 'bukan kata sandinya', devicePublicKey: 'x' },
          },
        ],
        'GET /api/v1/delivery': [{ path: '/api/v1/delivery', token: device.token, expect: 200 }],
        'POST /api/v1/delivery/waiting-patients': [
          {
            path: '/api/v1/delivery/waiting-patients',
            token: device.token,
            body: { target: 'simrs' },
            expect: 200,
          },
        ],
        'POST /api/v1/delivery/worklist': [
          { path: '/api/v1/delivery/worklist', token: device.token, body: window, expect: 200 },
        ],
        'POST /api/v1/delivery/reconciliation': [
          {
            path: '/api/v1/delivery/reconciliation',
            token: device.token,
            body: { target: 'simrs', ...window },
            expect: 200,
          },
        ],
        'POST /api/v1/delivery/patient-candidates': patientIds.map((patientId) => ({
          path: '/api/v1/delivery/patient-candidates',
          token: device.token,
          body: { target: 'simrs', patientId },
        })),
        // Asked only for patients with an MRN and ids of other kinds: nothing is created.
        'POST /api/v1/delivery/patients': targets.map(({ id }) => ({
          path: '/api/v1/delivery/patients',
          token: device.token,
          body: { target: 'simrs', patientId: id },
        })),
        'POST /api/v1/usernames/check': [
          {
            path: '/api/v1/usernames/check',
            token: device.token,
            body: { username: 'baru.sekali' },
            expect: 200,
          },
        ],
        'POST /api/v1/admin/sessions': [
          {
            path: '/api/v1/admin/sessions',
            body: { username: admin.username, passphrase: admin.passphrase },
            expect: 201,
          },
        ],
        'DELETE /api/v1/admin/sessions/current': [
          { path: '/api/v1/admin/sessions/current', token: ending, expect: 204 },
        ],
        'GET /api/v1/admin/simrs-simulator': [
          { path: '/api/v1/admin/simrs-simulator', token: itToken, expect: 200 },
        ],
        'PUT /api/v1/admin/simrs-simulator': [
          { path: '/api/v1/admin/simrs-simulator', token: itToken, body: { down: false }, expect: 200 },
        ],
        'GET /api/v1/admin/devices': [{ path: '/api/v1/admin/devices', token: itToken, expect: 200 }],
        'POST /api/v1/admin/devices/:deviceId/revoke': [
          { path: `/api/v1/admin/devices/${revoked.deviceId}/revoke`, token: itToken, expect: 200 },
        ],
        'PUT /api/v1/admin/devices/:deviceId/profile': [
          {
            path: `/api/v1/admin/devices/${revoked.deviceId}/profile`,
            token: itToken,
            body: { profile: { kind: 'clinic', polis: ['UMU'] } },
            expect: 200,
          },
        ],
        'POST /api/v1/admin/enrollment-codes': [
          { path: '/api/v1/admin/enrollment-codes', token: itToken, body: {}, expect: 201 },
        ],
        'GET /api/v1/admin/audit': [
          { path: '/api/v1/admin/audit?limit=500', token: itToken, expect: 200 },
          { path: '/api/v1/admin/audit?action=visit_viewed', token: itToken, expect: 200 },
        ],
        'GET /config.json': [{ path: '/config.json', expect: 200 }],
        'GET /*': [
          { path: '/', expect: 200 },
          { path: `/kunjungan/${first.visit}`, expect: 200 },
        ],
      };
      const routes = registeredRoutes(hub.app);
      for (const route of routes) {
        const [method, path] = route.split(' ') as [string, string];
        expect(hub.app.hasRoute({ method, url: path }), route).toBe(true);
      }
      // A new route fails here until it is asked above too.
      const asked = Object.keys(probes).flatMap((key) =>
        key.startsWith('GET ') ? [key, key.replace(/^GET /, 'HEAD ')] : [key],
      );
      expect(routes).toEqual(asked.filter((key) => routes.includes(key)).sort());
      expect(asked.filter((key) => !routes.includes(key))).toEqual([]);

      const answers = new Map<string, { status: number; body: unknown }[]>();
      for (const route of routes) {
        const [method, path] = route.split(' ') as [string, string];
        const asGet = method === 'HEAD' ? `GET ${path}` : route;
        for (const request of probes[asGet]!) {
          const answer = await probe(hub, method, request);
          expect(answer.status, `${route} ${request.path}`).toBeLessThan(500);
          if (request.expect) expect(answer.status, `${route} ${request.path}`).toBe(request.expect);
          answers.set(route, [...(answers.get(route) ?? []), answer]);
        }
      }

      // What the recovery console reads is the real outage, without anything set aside.
      const realVisits = [...day.arrivalOrder, temporaryVisit.entityId];
      const worklist = answers.get('POST /api/v1/delivery/worklist')![0]!.body as {
        rows: { visitId: string; rowId: string }[];
      };
      expect(new Set(worklist.rows.map((row) => row.visitId))).toEqual(new Set(realVisits));
      const reconciliation = answers.get('POST /api/v1/delivery/reconciliation')![0]!.body as {
        byType: { visits: Record<string, number> };
        notDelivered: { visitId: string }[];
      };
      expect(reconciliation.byType.visits).toEqual({
        captured: 7,
        delivered: 6,
        needsReview: 0,
        notYet: 1,
        voided: 0,
      });
      expect(reconciliation.notDelivered.map((visit) => visit.visitId)).toEqual([temporaryVisit.entityId]);
      const waiting = answers.get('POST /api/v1/delivery/waiting-patients')![0]!.body as {
        patients: { patientId: string }[];
      };
      expect(waiting.patients.map((patient) => patient.patientId)).toEqual([temporaryPatient]);
      // Only real patients are patients: an id the hub knows as another kind is not one.
      const candidates = answers.get('POST /api/v1/delivery/patient-candidates')!;
      patientIds.forEach((patientId, index) => {
        const isPatient = patientId === temporaryPatient || poisoned.some((one) => one.patient === patientId);
        expect(candidates[index]!.status, patientId).toBe(isPatient ? 200 : 404);
      });
    } finally {
      await worker?.stop();
      await hub.close();
      await simulator.close();
    }
  }, 120_000);
});

describe('[P31] one visit the hub cannot plan or send never stops delivery of the others', () => {
  const { afterTest, hubDatabase } = useDeliveryTestKit();

  it('[P31] delivers what is queued through a planning fault, and sets aside an item its adapter throws on', async () => {
    const day = outageDay({ visits: 4, seed: 16 });
    const db = hubDatabase();
    storeEvents(db, day.events, 'device', new Date());
    const facility = { code: DEMO_CONFIG.facility.code, timeZone: DEMO_CONFIG.facility.timeZone };
    replanQueue(db, 'simrs', planDeliveries({ ...planningInput(db), facility }).visits, new Date());

    const TOKEN = 'fault-in-hub-token-0123456789abcdef';
    const simulator = createSimrsSimulator({ dbFile: ':memory:', token: TOKEN });
    const url = await simulator.app.listen({ port: 0, host: '127.0.0.1' });
    afterTest(() => simulator.close());
    const rest = simrsRestAdapter({ baseUrl: url, token: TOKEN, timeoutMs: 2_000 });
    const broken = day.arrivalOrder[1]!;
    const { lines, log } = keptLog();
    const worker = startDeliveryWorker({
      db,
      targets: [
        {
          name: 'simrs',
          // A bug in the hub, not a refusal: the adapter throws for one visit.
          adapter: {
            deliver: async (item) => {
              if (item.subjectId === broken) throw new Error('cannot build Pasien Uji 2');
              return rest.deliver(item);
            },
          },
          // And planning fails altogether.
          select: () => {
            throw new Error('planning fault');
          },
        },
      ],
      config: () => DEMO_CONFIG,
      log,
      pollMs: 10,
    });
    afterTest(() => worker.stop());
    storeEvents(db, [deliveryStarted('simrs')], 'device', new Date());
    worker.kick();

    const summary = () => queueSummary(db, 'simrs', new Date());
    await waitFor(() => summary().counts.delivered === 3, 'the three others delivered', 30_000);
    await waitFor(() => summary().counts.needs_review === 1, 'the broken one set aside', 30_000);
    expect(summary().failures).toMatchObject([{ status: 'needs_review', code: HUB_FAULT, count: 1 }]);
    expect(simulator.visits().map((visit) => visit.localId)).toEqual(
      day.arrivalOrder.filter((visitId) => visitId !== broken),
    );
    expect(lines.map((line) => [line.level, line.message])).toEqual(
      expect.arrayContaining([
        ['error', 'delivery planning failed; the queues stay as they were'],
        ['error', 'delivery attempt failed in the hub'],
      ]),
    );
    // Planning is not tried again until events arrive; the broken item is named by its id only.
    expect(lines.filter((line) => line.message.startsWith('delivery planning failed'))).toHaveLength(1);
    expect(JSON.stringify(lines.map((line) => line.message))).not.toContain('Pasien');
    expect(lines.find((line) => line.message === 'delivery attempt failed in the hub')?.data.item).toBe(
      `visit:${broken}`,
    );
  }, 60_000);
});

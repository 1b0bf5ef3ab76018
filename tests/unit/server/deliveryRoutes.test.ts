import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '@/domain';
import type { DeliveryStatus } from '@/domain/delivery/deliveryStatus';
import { uuidv7 } from '@/lib/ids';
import { planningEvents, replanQueue, targetState } from '../../../server/delivery/deliveryQueue';
import { planVisitDeliveries } from '@/domain/delivery/planVisitDeliveries';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { eventAt } from '../domain/eventFactory';
import { TEST_PEOPLE } from '../testAccounts';
import { outageDay, registrationAt } from '../../fixtures/outageEvents';
import { createSimrsSimulator } from '../../../server/simrsSimulator/simrsSimulator';
import { call, enrollTestDevice, push, testAccount, userCreated, type ErrorBody } from './hubCalls';
import { testActor } from '../testAccounts';
import { startTestHub, type TestHub } from './hubTestServer';

const TARGET = {
  name: 'simrs',
  adapter: 'simrs-rest' as const,
  label: 'SIMRS Uji',
  baseUrl: 'http://127.0.0.1:9',
  token: 'secret-token-never-sent-0123456789',
  timeoutMs: 5_000,
};

const deliveryEvent = (type: 'delivery.started' | 'delivery.paused', time: string): DomainEvent =>
  eventAt(type, uuidv7(), time, { target: 'simrs' }); // by the test recovery officer

describe('[P27] starting, pausing and watching delivery', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await startTestHub({ deliveryTargets: [TARGET] });
  });
  afterEach(async () => {
    await hub.close();
  });

  it('is started and paused by a recovery account the hub knows, the latest decision by real time winning', async () => {
    const device = await enrollTestDevice(hub, 'PM1');
    expect(targetState(hub.db, 'simrs')).toBe('paused');

    const start = deliveryEvent('delivery.started', '13:00');
    expect((await push(hub, device.token, [start])).body.results[0]).toMatchObject({ status: 'accepted' });
    expect(targetState(hub.db, 'simrs')).toBe('running');

    // A pause made earlier but synced later does not undo the newer start.
    const olderPause = deliveryEvent('delivery.paused', '12:00');
    await push(hub, device.token, [olderPause]);
    expect(targetState(hub.db, 'simrs')).toBe('running');
    await push(hub, device.token, [deliveryEvent('delivery.paused', '13:30')]);
    expect(targetState(hub.db, 'simrs')).toBe('paused');
  });

  it('refuses the push-only token, unknown or inactive accounts and roles without the right', async () => {
    const device = await enrollTestDevice(hub, 'PM1');
    const refusal = async (token: string, event: DomainEvent) =>
      (await push(hub, token, [event])).body.results[0];

    // Someone the hub has no account (and so no key) for.
    const stranger = deliveryEvent('delivery.started', '13:00');
    expect(
      await refusal(device.token, { ...stranger, actor: { ...stranger.actor, userId: uuidv7() } }),
    ).toMatchObject({ status: 'rejected', code: 'bad_signature' });
    expect(await refusal(device.pushToken, deliveryEvent('delivery.started', '13:00'))).toMatchObject({
      status: 'rejected',
      code: 'delivery_authority',
    });
    // The clerk herself, signing with her own key: her role has no such right.
    const byClerk = deliveryEvent('delivery.started', '13:00');
    expect(await refusal(device.token, { ...byClerk, actor: testActor('registration') })).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
    });
    // The recovery officer's account made inactive: her signature no longer counts.
    hub.db.prepare('UPDATE users SET active = 0 WHERE user_id = ?').run(TEST_PEOPLE.recovery.userId);
    expect(await refusal(device.token, deliveryEvent('delivery.started', '13:00'))).toMatchObject({
      status: 'rejected',
      code: 'forbidden',
    });
    expect(targetState(hub.db, 'simrs')).toBe('paused');
  });

  it('reconciles an incident’s window: captured, delivered, voided, and every visit not yet in the SIMRS', async () => {
    const device = await enrollTestDevice(hub, 'PM1');
    const day = outageDay({ visits: 5, seed: 8 });
    const registrations = day.events.filter((event) => event.type === 'visit.registered');
    const withdrawn = registrations.find((event) => event.entityId === day.arrivalOrder[4])!;
    const voided = eventAt('event.voided', withdrawn.entityId, '12:00', {
      eventId: withdrawn.id,
      eventType: 'visit.registered',
      reason: 'Terdaftar dua kali',
    });
    expect((await push(hub, device.token, [...day.events, voided])).status).toBe(200);
    const planned = planVisitDeliveries({
      events: planningEvents(hub.db),
      facility: { code: DEMO_CONFIG.facility.code, timeZone: DEMO_CONFIG.facility.timeZone },
    });
    replanQueue(hub.db, 'simrs', planned, new Date());
    hub.db
      .prepare(`UPDATE delivery_items SET status = 'delivered' WHERE subject_id IN (?, ?)`)
      .run(day.arrivalOrder[0], day.arrivalOrder[1]);

    const answer = await call<{
      byType: { visits: Record<string, number> };
      notDelivered: { visitId: string; patientName: string }[];
    }>(hub, '/api/v1/delivery/reconciliation', {
      token: device.token,
      body: { target: 'simrs', from: '2026-11-23T06:00:00+07:00', to: '2026-11-23T12:00:00+07:00' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.byType.visits).toEqual({
      captured: 4,
      delivered: 2,
      needsReview: 0,
      notYet: 2,
      voided: 1,
    });
    expect(answer.body.notDelivered.map((visit) => visit.visitId)).toEqual(day.arrivalOrder.slice(2, 4));
    const bad = await call(hub, '/api/v1/delivery/reconciliation', {
      token: device.token,
      body: { target: 'simrs', from: 'pagi', to: 'sore' },
    });
    expect(bad.status).toBe(400);
  });

  it('shows each target’s progress and reasons to devices, without credentials or patient data', async () => {
    const device = await enrollTestDevice(hub, 'PM1');
    const planned = planVisitDeliveries({
      events: outageDay({ visits: 4, seed: 3 }).events,
      facility: { code: DEMO_CONFIG.facility.code, timeZone: DEMO_CONFIG.facility.timeZone },
    });
    replanQueue(hub.db, 'simrs', planned, new Date());
    hub.db
      .prepare(
        `UPDATE delivery_items SET status = 'needs_review', last_error_code = 'invalid_document',
           last_error_message = 'The visit document is not valid. (visit.poliCode)' WHERE item_id = ?`,
      )
      .run(planned[0]!.itemId);

    const answer = await call<DeliveryStatus>(hub, '/api/v1/delivery', { token: device.token });
    expect(answer.status).toBe(200);
    expect(answer.body.targets).toEqual([
      expect.objectContaining({
        name: 'simrs',
        label: 'SIMRS Uji',
        state: 'paused',
        counts: { pending: 3, delivered: 0, retrying: 0, needs_review: 1, waiting: 0 },
        failures: [
          {
            status: 'needs_review',
            code: 'invalid_document',
            message: 'The visit document is not valid. (visit.poliCode)',
            count: 1,
          },
        ],
        secondsLeft: null,
      }),
    ]);
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain(TARGET.token);
    expect(text).not.toContain('Pasien Uji');

    const pushOnly = await call<ErrorBody>(hub, '/api/v1/delivery', { token: device.pushToken });
    expect(pushOnly.status).toBe(403);
    expect((await call(hub, '/api/v1/delivery')).status).toBe(401);
  });
});

describe('the delivery rate the console shows', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await startTestHub({ deliveryTargets: [TARGET] });
  });
  afterEach(async () => {
    await hub.close();
  });

  it('counts the visits of the last minute: eleven delivered in two seconds are not "1 per minute"', async () => {
    const device = await enrollTestDevice(hub, 'PM1');
    const planned = planVisitDeliveries({
      events: outageDay({ visits: 16, seed: 5 }).events,
      facility: { code: DEMO_CONFIG.facility.code, timeZone: DEMO_CONFIG.facility.timeZone },
    });
    replanQueue(hub.db, 'simrs', planned, new Date());
    const now = Date.now();
    // Eleven delivered over two seconds, ending just now; one delivered long before the window.
    const deliver = hub.db.prepare(
      `UPDATE delivery_items SET status = 'delivered', delivered_at = ? WHERE item_id = ?`,
    );
    planned.slice(0, 11).forEach((item, index) => {
      deliver.run(new Date(now - 2_000 + index * 200).toISOString(), item.itemId);
    });
    deliver.run(new Date(now - 30 * 60_000).toISOString(), planned[11]!.itemId);

    const answer = await call<DeliveryStatus>(hub, '/api/v1/delivery', { token: device.token });
    const target = answer.body.targets[0]!;
    expect(target.counts.delivered).toBe(12);
    // 11 over the ~2 s since the earliest of them (plus the request's own time).
    expect(target.perMinute).toBeGreaterThan(200);
    expect(target.perMinute).toBeLessThanOrEqual(330);
    // Four still due at that pace: about a second left, not minutes.
    expect(target.secondsLeft).toBeLessThanOrEqual(2);
  });
});

describe('the demo’s SIMRS simulator, switched by IT', () => {
  it('goes down and up through the admin endpoint, for a signed-in admin only', async () => {
    const simulator = createSimrsSimulator({ dbFile: ':memory:', token: 'switch-test-token-0123456789' });
    const simulatorUrl = await simulator.app.listen({ port: 0, host: '127.0.0.1' });
    const hub = await startTestHub({ simulator });
    try {
      const admin = testAccount('it.admin', 'admin');
      const desk = await enrollTestDevice(hub, 'IT1');
      await push(hub, desk.token, [await userCreated(admin)]);
      const session = await call<{ token: string }>(hub, '/api/v1/admin/sessions', {
        body: { username: admin.username, passphrase: admin.passphrase },
      });
      const token = session.body.token;

      expect(
        (await call(hub, '/api/v1/admin/simrs-simulator', { method: 'PUT', body: { down: true } })).status,
      ).toBe(401);
      const down = await call(hub, '/api/v1/admin/simrs-simulator', {
        method: 'PUT',
        token,
        body: { down: true },
      });
      expect(down).toMatchObject({ status: 200, body: { down: true } });
      await expect(fetch(`${simulatorUrl}/health`)).rejects.toThrow();
      const up = await call(hub, '/api/v1/admin/simrs-simulator', {
        method: 'PUT',
        token,
        body: { down: false },
      });
      expect(up.body).toEqual({ down: false });
      expect((await fetch(`${simulatorUrl}/health`)).status).toBe(200);
      const invalid = await call<ErrorBody>(hub, '/api/v1/admin/simrs-simulator', {
        method: 'PUT',
        token,
        body: { down: 'yes' },
      });
      expect(invalid.status).toBe(400);
    } finally {
      await hub.close();
      await simulator.close();
    }
  });
});

describe('[P28] deciding who a temporary patient is', () => {
  it('shows duplicate candidates from the hub and the SIMRS, creates the patient in the SIMRS once, and delivers after the mapping', async () => {
    const token = 'candidates-test-token-0123456789';
    const simulator = createSimrsSimulator({ dbFile: ':memory:', token });
    const simrsUrl = await simulator.app.listen({ port: 0, host: '127.0.0.1' });
    const hub = await startTestHub({ deliveryTargets: [{ ...TARGET, baseUrl: simrsUrl, token }] });
    try {
      const device = await enrollTestDevice(hub, 'RM1');
      const known = registrationAt(
        {
          kind: 'returning',
          mrn: '200000',
          name: 'Siti Aminah',
          sex: 'P',
          birthDate: '1990-04-02',
          identityVerifiedBy: 'ktp',
        },
        '2026-11-23T08:00:00+07:00',
      );
      const fresh = registrationAt(
        {
          kind: 'new',
          name: 'Ny. Siti Aminnah',
          sex: 'P',
          birthDate: '1990-04-02',
          nik: '3171234204900003',
          identityVerifiedBy: 'ktp',
        },
        '2026-11-23T08:10:00+07:00',
      );
      await push(hub, device.token, [...known.events, ...fresh.events]);
      // The SIMRS already knows someone with that NIK (registered there before the outage).
      await fetch(`${simrsUrl}/api/patients`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'idempotency-key': 'seed-patient-1',
        },
        body: JSON.stringify({
          patient: {
            localId: 'simrs-own-1',
            kind: 'returning',
            name: 'SITI AMINAH',
            sex: 'P',
            nik: '3171234204900003',
            birthDate: '1990-04-02',
          },
        }),
      });
      const candidates = await call<{
        candidates: { source: string; mrn?: string; match: string }[];
        simrs: string;
      }>(hub, '/api/v1/delivery/patient-candidates', {
        token: device.token,
        body: { target: 'simrs', patientId: fresh.patientId },
      });
      expect(candidates.status).toBe(200);
      expect(candidates.body.simrs).toBe('answered');
      expect(candidates.body.candidates.map(({ source, mrn, match }) => ({ source, mrn, match }))).toEqual([
        { source: 'simrs', mrn: '100001', match: 'nik' },
        { source: 'hub', mrn: '200000', match: 'name_birth_sex' },
      ]);

      // The person decides it is someone new: the SIMRS creates them, once however often asked.
      const create = () =>
        call<{ mrn: string }>(hub, '/api/v1/delivery/patients', {
          token: device.token,
          body: { target: 'simrs', patientId: fresh.patientId },
        });
      const created = await create();
      expect(created.status).toBe(201);
      expect((await create()).body.mrn).toBe(created.body.mrn);
      expect(simulator.patients().filter((patient) => patient.localId === fresh.patientId)).toHaveLength(1);

      // Held until the mapping is recorded; due once it is.
      const plan = () =>
        planVisitDeliveries({
          events: planningEvents(hub.db),
          facility: { code: DEMO_CONFIG.facility.code, timeZone: DEMO_CONFIG.facility.timeZone },
        });
      replanQueue(hub.db, 'simrs', plan(), new Date());
      const status = () =>
        hub.db
          .prepare<[string], { status: string }>('SELECT status FROM delivery_items WHERE subject_id = ?')
          .get(fresh.visitId)?.status;
      expect(status()).toBe('waiting');
      const waiting = () =>
        call<{ patients: { patientId: string; tempNumber?: string; visits: number }[] }>(
          hub,
          '/api/v1/delivery/waiting-patients',
          { token: device.token, body: { target: 'simrs' } },
        );
      expect((await waiting()).body.patients).toEqual([
        expect.objectContaining({ patientId: fresh.patientId, tempNumber: fresh.tempNumber, visits: 1 }),
      ]);
      const mapped = eventAt('patient.mrn_mapped', fresh.patientId, '13:00', {
        mrn: created.body.mrn,
        basis: 'simrs_created',
        candidatesShown: 2,
      });
      expect((await push(hub, device.token, [mapped])).body.results[0]?.status).toBe('accepted');
      replanQueue(hub.db, 'simrs', plan(), new Date());
      expect(status()).toBe('pending');
      expect((await waiting()).body.patients).toEqual([]);
      expect(plan().find((item) => item.visitId === fresh.visitId)?.document.patient.mrn).toBe(
        created.body.mrn,
      );

      const again = await create();
      expect(again).toMatchObject({ status: 409, body: { error: { code: 'patient_has_mrn' } } });
      expect(
        (
          await call(hub, '/api/v1/delivery/patients', {
            token: device.pushToken,
            body: { target: 'simrs', patientId: fresh.patientId },
          })
        ).status,
      ).toBe(403);
    } finally {
      await hub.close();
      await simulator.close();
    }
  });
});

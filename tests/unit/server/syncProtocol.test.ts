import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hubHealthSchema,
  MAX_BATCH_EVENTS,
  pullResponseSchema,
  pushResponseSchema,
  type DomainEvent,
} from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { revokeDevice } from '../../../server/devices/deviceRegistry';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { eventAt, visitRegistered } from '../domain/eventFactory';
import { signedByNamedPerson, TEST_PEOPLE, testActor } from '../testAccounts';
import { startTestHub, TEST_ENROLLMENT_CODE, type TestHub } from './hubTestServer';

/** The same content with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, inner]) => [key, reverseKeys(inner)]),
    );
  }
  return value;
}

describe('sync protocol against the real hub over HTTP and a real SQLite file', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  async function enroll(deviceCode: string, deviceId = uuidv7(), code = TEST_ENROLLMENT_CODE) {
    const response = await fetch(`${hub.url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceId, deviceCode }),
    });
    return {
      response,
      body: (await response.json()) as { token?: string; error?: { code: string } },
      deviceId,
    };
  }

  async function push(token: string, events: unknown[]) {
    const response = await fetch(`${hub.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      // Signed by the test person each names, as the device that made it would have [P32].
      body: JSON.stringify({ events: await Promise.all(events.map((event) => signedByNamedPerson(event))) }),
    });
    return { response, body: (await response.json()) as unknown };
  }

  async function pull(token: string, after = '', limit?: number) {
    const query = new URLSearchParams({ after, ...(limit ? { limit: String(limit) } : {}) });
    const response = await fetch(`${hub.url}/api/v1/events?${query.toString()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { response, body: (await response.json()) as unknown };
  }

  let deskToken: string;
  let tabletToken: string;

  it('[P1] gives an enrolled device a token, shown once and stored hashed', async () => {
    const desk = await enroll('PD1');
    expect(desk.response.status).toBe(201);
    deskToken = desk.body.token!;
    expect(deskToken.length).toBeGreaterThanOrEqual(40);
    const stored = hub.db.prepare<[], { token_hash: string }>('SELECT token_hash FROM devices').all();
    expect(stored.map((row) => row.token_hash)).not.toContain(deskToken);
    tabletToken = (await enroll('POL')).body.token!;
  });

  it('[P1] refuses a wrong enrollment code', async () => {
    const wrong = await enroll('PD7', uuidv7(), 'WRONG-CODE');
    expect(wrong.response.status).toBe(401);
    expect(wrong.body.error?.code).toBe('enrollment_code_invalid');
  });

  it('[P2] keeps a device code with one device, and re-enrolling a device replaces its token', async () => {
    const taken = await enroll('PD1');
    expect(taken.response.status).toBe(409);
    expect(taken.body.error?.code).toBe('device_code_taken');
    const first = await enroll('RM1');
    const again = await enroll('RM1', first.deviceId);
    expect(again.response.status).toBe(201);
    expect((await pull(first.body.token!)).response.status).toBe(401);
    expect((await pull(again.body.token!)).response.status).toBe(200);
  });

  it('[P3] answers 401 with a reason for a missing, unknown or revoked token', async () => {
    const missing = await fetch(`${hub.url}/api/v1/events`);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('token_missing');
    expect(((await pull('not-a-token')).body as { error: { code: string } }).error.code).toBe(
      'token_unknown',
    );
    const lost = await enroll('PD5');
    revokeDevice(hub.db, 'PD5', new Date());
    const revoked = await push(lost.body.token!, []);
    expect(revoked.response.status).toBe(401);
    expect((revoked.body as { error: { code: string } }).error.code).toBe('token_revoked');
  });

  it('[P4] refuses an oversized batch whole, with the limits, storing nothing', async () => {
    const tooMany = Array.from({ length: MAX_BATCH_EVENTS + 1 }, () => visitRegistered(uuidv7(), '08:00'));
    const result = await push(deskToken, tooMany);
    expect(result.response.status).toBe(413);
    expect(result.body).toMatchObject({
      error: { code: 'batch_too_large' },
      limits: { maxEvents: 1000, maxBytes: 2_097_152 },
    });
    const tooBig = await push(deskToken, [{ padding: 'x'.repeat(2_200_000) }]);
    expect(tooBig.response.status).toBe(413);
    expect(tooBig.body).toMatchObject({ error: { code: 'batch_too_large' }, limits: { maxEvents: 1000 } });
    expect(hub.db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
  });

  let firstBatch: DomainEvent[];

  it('[P5] [P6] answers every event in order, rejecting invalid ones without failing the valid ones', async () => {
    const visitId = uuidv7();
    const valid = visitRegistered(visitId, '08:00');
    const broken = { ...eventAt('queue.called', visitId, '08:05', {}), occurredAt: 'kemarin' };
    const strangePoli = visitRegistered(uuidv7(), '08:10', { poliCode: 'XYZ' });
    const called = eventAt('queue.called', visitId, '08:20', {});
    firstBatch = [valid, called];
    const { response, body } = await push(deskToken, [
      valid,
      broken,
      strangePoli,
      'not even an object',
      called,
    ]);
    expect(response.status).toBe(200);
    const { results } = pushResponseSchema.parse(body);
    expect(results).toEqual([
      { id: valid.id, status: 'accepted' },
      {
        id: broken.id,
        status: 'rejected',
        code: 'invalid_event',
        field: 'occurredAt',
        message: expect.stringContaining('occurredAt') as unknown,
      },
      {
        id: strangePoli.id,
        status: 'rejected',
        code: 'unknown_poli',
        field: 'payload.poliCode',
        message: expect.stringContaining('XYZ') as unknown,
      },
      { id: null, status: 'rejected', code: 'invalid_event', message: expect.any(String) as unknown },
      { id: called.id, status: 'accepted' },
    ]);
  });

  it('[P6] follows the hub config as IT edits it: a doctor not in the poli is refused', async () => {
    const config = structuredClone(DEMO_CONFIG);
    config.polis[0]!.doctors = [{ code: 'D099', name: 'dr. Baru' }];
    writeFileSync(hub.configPath, JSON.stringify(config));
    const event = visitRegistered(uuidv7(), '09:00');
    const { body } = await push(deskToken, [event]);
    expect(pushResponseSchema.parse(body).results[0]).toMatchObject({
      status: 'rejected',
      code: 'unknown_doctor',
      field: 'payload.doctorCode',
    });
    writeFileSync(hub.configPath, JSON.stringify(DEMO_CONFIG));
  });

  it('[P7] answers duplicate for a resent event and conflict for the same id with other content', async () => {
    const [valid] = firstBatch;
    const reordered = reverseKeys(valid);
    const changed = {
      ...valid!,
      payload: {
        ...(valid as Extract<DomainEvent, { type: 'visit.registered' }>).payload,
        doctorCode: 'D002',
      },
    };
    const { body } = await push(deskToken, [reordered, changed]);
    expect(pushResponseSchema.parse(body).results.map((result) => result.status)).toEqual([
      'duplicate',
      'conflict',
    ]);
    const stored = hub.db
      .prepare<[string], { body: string }>('SELECT body FROM events WHERE id = ?')
      .get(valid!.id);
    expect((JSON.parse(stored!.body) as { payload: { doctorCode: string } }).payload.doctorCode).toBe('D001');
  });

  it('[P8] keeps the event untouched with receivedAt, the writing device and the submitter beside it; never updates or deletes', () => {
    const [valid] = firstBatch;
    const row = hub.db
      .prepare<
        [string],
        { occurred_at: string; received_at: string; device_id: string; submitted_by: string; body: string }
      >('SELECT occurred_at, received_at, device_id, submitted_by, body FROM events WHERE id = ?')
      .get(valid!.id)!;
    expect(row.occurred_at).toBe('2026-11-22T08:00:00.000+07:00');
    expect(Date.parse(row.received_at)).toBeGreaterThan(Date.parse(row.occurred_at));
    expect(row.device_id).toBe(valid!.deviceId);
    const { signature, ...stored } = JSON.parse(row.body) as DomainEvent;
    expect(stored).toEqual(valid);
    expect(signature?.keyId).toBe(TEST_PEOPLE.registration.keyId);
    expect(() => hub.db.prepare('UPDATE events SET type = ? WHERE id = ?').run('x', valid!.id)).toThrow(
      /append-only/,
    );
    expect(() => hub.db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
  });

  it('[P10] gives other devices the events in hub order, without their own, page by page', async () => {
    const more = Array.from({ length: 5 }, (_, index) => visitRegistered(uuidv7(), `10:0${index}`));
    await push(tabletToken, more);
    const first = pullResponseSchema.parse((await pull(deskToken, '', 3)).body);
    expect(first.events).toHaveLength(3);
    expect(first.more).toBe(true);
    const rest = pullResponseSchema.parse((await pull(deskToken, first.cursor, 3)).body);
    expect([...first.events, ...rest.events].map((event) => (event as DomainEvent).id)).toEqual(
      more.map((event) => event.id),
    );
    expect(rest.more).toBe(false);
    const tablet = pullResponseSchema.parse((await pull(tabletToken)).body);
    expect(tablet.events.map((event) => (event as DomainEvent).id)).toEqual(
      firstBatch.map((event) => event.id),
    );
    const nothingNew = pullResponseSchema.parse((await pull(deskToken, rest.cursor)).body);
    expect(nothingNew).toMatchObject({ events: [], more: false, cursor: rest.cursor });
  });

  it('[P11] keeps cursors across a hub restart and refuses a cursor from another hub store', async () => {
    const before = pullResponseSchema.parse((await pull(deskToken)).body);
    await hub.restart();
    const after = pullResponseSchema.parse((await pull(deskToken, before.cursor)).body);
    expect(after.events).toEqual([]);
    const foreign = await pull(deskToken, `${'f'.repeat(32)}.3`);
    expect(foreign.response.status).toBe(409);
    expect((foreign.body as { error: { code: string } }).error.code).toBe('cursor_foreign');
    expect((await pull(deskToken, 'garbage')).response.status).toBe(400);
  });

  it('[P12] [P13] reports health with server time, hub id and the SIMRS status', async () => {
    const sent = Date.now();
    const health = hubHealthSchema.parse(await (await fetch(`${hub.url}/api/v1/health`)).json());
    expect(Math.abs(Date.parse(health.serverTime) - sent)).toBeLessThan(5_000);
    expect(health.hubId).toMatch(/^[0-9a-f]{32}$/);
    expect(health.simrs).toMatchObject({ status: 'unknown' });
  });

  it('[P19] refuses a forged event whose role lacks the right, keeping the rest of the batch', async () => {
    const honest = visitRegistered(uuidv7(), '09:05');
    // Signed by the nurse herself: her signature holds, her role does not give her this record.
    const forged = { ...visitRegistered(uuidv7(), '09:06'), actor: testActor('clinician') };
    const before = hub.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number };
    const { body } = await push(deskToken, [forged, honest]);
    expect(pushResponseSchema.parse(body).results).toEqual([
      {
        id: forged.id,
        status: 'rejected',
        code: 'forbidden',
        message: 'Role clinician has no input right in registration.',
        field: 'actor.role',
      },
      { id: honest.id, status: 'accepted' },
    ]);
    expect(hub.db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: before.n + 1 });
  });
});

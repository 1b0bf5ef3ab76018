import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { visitRegistered } from '../domain/eventFactory';
import { incidentEvent, opened } from '../domain/incidents/incidentFixture';
import { call, enrollTestDevice, push } from './hubCalls';
import { startTestHub, type TestHub } from './hubTestServer';
import { testActor } from '../testAccounts';

type PullAnswer = { events: DomainEvent[] };

const storedIds = (hub: TestHub) =>
  (hub.db.prepare('SELECT id FROM events ORDER BY seq').all() as { id: string }[]).map((row) => row.id);

describe('drills and device counts on the hub', () => {
  let hub: TestHub;
  beforeEach(async () => {
    hub = await startTestHub();
  });
  afterEach(async () => {
    await hub.close();
  });

  it('[P26] deletes a cleared drill’s practice events, keeps everything real, and never stores late ones', async () => {
    const desk = await enrollTestDevice(hub, 'PD1');
    const records = await enrollTestDevice(hub, 'RM1');
    const drillId = uuidv7();
    const drill = opened(drillId, '2026-11-22T09:00:00.000+07:00', { drill: true });
    const practice = { ...visitRegistered(uuidv7(), '09:05'), drillId };
    const latePractice = { ...visitRegistered(uuidv7(), '09:06'), drillId };
    const real = visitRegistered(uuidv7(), '09:07');
    const closed = incidentEvent(
      'incident.closed',
      drillId,
      '2026-11-22T09:30:00.000+07:00',
      { restoredAt: '2026-11-22T09:30:00.000+07:00', confirmedBy: 'IT PD1' },
      'admin',
    );
    const cleared = incidentEvent(
      'incident.drill_cleared',
      drillId,
      '2026-11-22T09:40:00.000+07:00',
      {},
      'admin',
    );

    const first = await push(hub, desk.token, [drill, practice, real, closed]);
    expect(first.body.results.map((result) => result.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'accepted',
    ]);
    expect(storedIds(hub)).toContain(practice.id);

    const clearing = await push(hub, desk.token, [cleared]);
    expect(clearing.body.results).toEqual([{ id: cleared.id, status: 'accepted' }]);
    expect(storedIds(hub)).toEqual([drill.id, real.id, closed.id, cleared.id]);

    // A device that was away sends its practice records after the clearing: accepted, not stored.
    const late = await push(hub, records.token, [latePractice, practice]);
    expect(late.body.results.map((result) => result.status)).toEqual(['accepted', 'accepted']);
    expect(storedIds(hub)).toEqual([drill.id, real.id, closed.id, cleared.id]);

    const pulled = await call<PullAnswer>(hub, '/api/v1/events?after=', { token: records.token });
    expect(pulled.body.events.map((event) => event.id)).toEqual([drill.id, real.id, closed.id, cleared.id]);

    // Only practice rows may ever be deleted: the store stays append-only for everything else.
    expect(() => hub.db.prepare('DELETE FROM events WHERE id = ?').run(real.id)).toThrow(/append-only/);
  });

  it('[P26] refuses a clearing from a role without the correct right', async () => {
    const desk = await enrollTestDevice(hub, 'PD1');
    const byAdmin = incidentEvent(
      'incident.drill_cleared',
      uuidv7(),
      '2026-11-22T09:40:00.000+07:00',
      {},
      'admin',
    );
    // A clerk's in her own name, signed by her: the app itself refuses to make it, a tampered one might.
    const cleared = { ...byAdmin, actor: testActor('registration') };
    const answer = await push(hub, desk.token, [cleared]);
    expect(answer.body.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
  });

  it('[P25] counts enrolled devices and those in contact within the window, for the full token only', async () => {
    const desk = await enrollTestDevice(hub, 'PD1');
    await enrollTestDevice(hub, 'RM1');
    const lost = await enrollTestDevice(hub, 'PO1');
    await call(hub, '/api/v1/admin/devices', {}); // not a device call: changes nothing
    hub.db
      .prepare("UPDATE devices SET revoked_at = '2026-11-22T00:00:00.000Z' WHERE device_id = ?")
      .run(lost.deviceId);
    const summary = await call(hub, '/api/v1/devices/summary', { token: desk.token });
    expect(summary.status).toBe(200);
    // The desk itself has just called; RM1 has not called since enrolling.
    expect(summary.body).toMatchObject({ enrolled: 2, active: 1, activeWindowMinutes: 10 });
    expect((await call(hub, '/api/v1/devices/summary', { token: desk.pushToken })).status).toBe(403);
    expect((await call(hub, '/api/v1/devices/summary')).status).toBe(401);
  });
});

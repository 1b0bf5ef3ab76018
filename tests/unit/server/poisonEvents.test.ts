/**
 * Poison events (issue 15): one schema-valid event that is impossible in context — an RM 1.2
 * signed under a visit's id, say — made the worklist and the reconciliation answer 500 and the
 * delivery loop fail until the hub stopped. Here every event type is pushed against every wrong
 * kind of entity and must be refused and not stored; then the same events are put straight into
 * the store (an older hub's) and every endpoint the hub registers must still answer without a
 * 5xx while delivery of the other visits completes against the SIMRS simulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_KINDS, entityReferencesOf, type DomainEvent, type EntityKind } from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { countEvents } from '../../../server/events/eventStore';
import { eventAt, visitRegistered } from '../domain/eventFactory';
import { CREATION_OF_KIND, sampleEvent, typesWithKinds } from '../domain/eventSamples';
import { enrollTestDevice, knowTestAdmin, push, type EnrolledTestDevice } from './hubCalls';
import { startTestHub, type TestHub } from './hubTestServer';
import { storeAsOlderHub } from './olderHub';

/** Delivery decisions need a recovery account the hub knows [P27]; account events an admin (u1). */
const RECOVERY_USER = 'u-recovery';

function knowRecoveryUser(hub: TestHub): void {
  hub.db
    .prepare(
      `INSERT INTO users (user_id, username, display_name, role, active, credentials, updated_at)
       VALUES (?, 'pemulihan', 'Petugas Pemulihan', 'recovery', 1, '{}', '2026-11-22T00:00:00.000Z')`,
    )
    .run(RECOVERY_USER);
}

/** The event as a person the hub knows would send it, so only its entity can be wrong. */
function byKnownActor(event: DomainEvent): DomainEvent {
  return event.type.startsWith('delivery.')
    ? { ...event, actor: { ...event.actor, userId: RECOVERY_USER } }
    : event;
}

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
    knowTestAdmin(hub);
    knowRecoveryUser(hub);
    const creations = ENTITY_KINDS.map((kind) => {
      const id = uuidv7();
      entities.set(kind, id);
      return byKnownActor(sampleEvent(CREATION_OF_KIND[kind], id, { time: '08:00' }));
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
        byKnownActor(sampleEvent(type, entities.get(other)!, voids ? { voids } : {})),
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
      byKnownActor(sampleEvent(type, entities.get(kind)!, voids ? { voids } : {})),
      byKnownActor(sampleEvent(type, uuidv7(), voids ? { voids } : {})),
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
          const event = byKnownActor(
            name === 'drillId'
              ? { ...sampleEvent(type, uuidv7(), voids ? { voids } : {}), drillId: named }
              : sampleEvent(type, uuidv7(), { [name]: named, ...(voids ? { voids } : {}) }),
          );
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

import { describe, expect, it } from 'vitest';
import {
  ENTITY_KINDS,
  EVENT_TYPES,
  entityKindOf,
  entityReferencesOf,
  groupEntities,
  isEventType,
  projectEntity,
  RM12_TEMPLATE,
  tableOf,
  type DomainEvent,
} from '@/domain';
import { planDeliveries } from '@/domain/delivery/planVisitDeliveries';
import { uuidv7 } from '@/lib/ids';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { outageDay } from '../../fixtures/outageEvents';
import { eventAt, visitRegistered } from './eventFactory';
import { CREATION_OF_KIND, sampleEvent, typesWithKinds } from './eventSamples';
import { RM12_SAMPLE } from './rm12Sample';

const facility = { code: DEMO_CONFIG.facility.code, timeZone: DEMO_CONFIG.facility.timeZone };

/** A signed RM 1.2 under `entityId` for the visit `visitId`. */
const rm12 = (entityId: string, visitId: string) =>
  eventAt('assessment.signed', entityId, '10:00', {
    visitId,
    template: RM12_TEMPLATE,
    version: 1,
    content: RM12_SAMPLE,
    startedAt: '2026-11-22T09:00:00.000+07:00',
    completedAt: '2026-11-22T09:10:00.000+07:00',
    clinician: { name: 'dr. Ratna Sari' },
    attestation: true,
  });

describe('[P31] every event belongs to one entity of one kind', () => {
  it('gives every event type a kind, and the kind’s row is where its reducer puts it', () => {
    for (const type of EVENT_TYPES) expect(isEventType(type), type).toBe(true);
    for (const { type, kind, voids } of typesWithKinds()) {
      const entityId = uuidv7();
      const event = sampleEvent(type, entityId, voids ? { voids } : {});
      expect(entityKindOf(event), type).toBe(kind);
      const creation = sampleEvent(CREATION_OF_KIND[kind], entityId, { time: '08:00' });
      expect(tableOf(event), type).toBe(tableOf(creation));
      // The row of the entity's kind takes the event: its id shows there (accounts keep none).
      const row = tableOf(creation) && projectEntity([creation, event]);
      if (row && type !== 'event.voided' && !type.startsWith('user.') && type !== creation.type)
        expect(JSON.stringify(row), type).toContain(event.id);
    }
    expect(new Set(typesWithKinds().map(({ kind }) => kind))).toEqual(new Set(ENTITY_KINDS));
  });

  it('knows which other entities an event names, and of which kind they must be', () => {
    const [patientId, visitId, slipId, drillId] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    const references = (event: DomainEvent) =>
      entityReferencesOf(event).map(({ field, id, kind }) => [field, id, kind]);
    expect(references(visitRegistered(uuidv7(), '08:00', { patientId }))).toEqual([
      ['payload.patientId', patientId, 'patient'],
    ]);
    expect(references(sampleEvent('slip.requested', uuidv7(), { patientId, visitId }))).toEqual([
      ['payload.visitId', visitId, 'visit'],
      ['payload.patientId', patientId, 'patient'],
    ]);
    expect(references(rm12(uuidv7(), visitId))).toEqual([['payload.visitId', visitId, 'visit']]);
    expect(references(sampleEvent('incident.backentry_marked', uuidv7(), { visitId, slipId }))).toEqual([
      ['payload.rowId', visitId, 'visit'],
      ['payload.rowId', slipId, 'slip'],
    ]);
    expect(references({ ...sampleEvent('queue.called', uuidv7()), drillId })).toEqual([
      ['drillId', drillId, 'incident'],
    ]);
    expect(references(sampleEvent('queue.called', uuidv7()))).toEqual([]);
  });

  it('projects a list that mixes kinds as its first event’s kind only, never as a hybrid', () => {
    const visitId = uuidv7();
    const visit = visitRegistered(visitId, '08:00');
    const poison = rm12(visitId, visitId);
    expect(projectEntity<'visits'>([visit, poison])).toEqual(projectEntity<'visits'>([visit]));
    expect(projectEntity<'assessments'>([poison, visit])).toEqual(projectEntity<'assessments'>([poison]));
  });

  it('groups by entity, the first event deciding its kind; later ones of another kind are misfits', () => {
    const visitId = uuidv7();
    const visit = visitRegistered(visitId, '08:00');
    const called = eventAt('queue.called', visitId, '08:30', {});
    const poison = rm12(visitId, visitId);
    const voidOfVoid = eventAt('event.voided', visitId, '09:00', {
      eventId: uuidv7(),
      eventType: 'event.voided',
      reason: 'Pembatalan keliru',
    });
    const { groups, misfits } = groupEntities([visit, poison, voidOfVoid, called]);
    expect(groups.get(visitId)).toEqual({ id: visitId, kind: 'visit', events: [visit, called, voidOfVoid] });
    expect(misfits).toEqual([
      {
        eventId: poison.id,
        type: 'assessment.signed',
        entityId: visitId,
        entityKind: 'visit',
        eventKind: 'assessment',
      },
    ]);
    // A void that names no kind and no entity to join is nobody's.
    expect(groupEntities([voidOfVoid]).groups.size).toBe(0);
    // The kind the hub keeps outranks the events at hand (planning reads no incident events).
    const known = groupEntities([visit, called], new Map([[visitId, 'incident' as const]]));
    expect(known.groups.size).toBe(0);
    expect(known.misfits.map((misfit) => [misfit.eventId, misfit.entityKind])).toEqual([
      [visit.id, 'incident'],
      [called.id, 'incident'],
    ]);
  });

  it('plans every visit as before when events of every other kind sit under their ids, and lists them', () => {
    const day = outageDay({ visits: 4, seed: 31, clinical: true });
    const clean = planDeliveries({ events: day.events, facility });
    expect(clean.problems).toEqual([]);
    const poison = day.arrivalOrder.flatMap((visitId) =>
      typesWithKinds()
        .filter(({ kind }) => kind !== 'visit')
        .map(({ type, voids }) => sampleEvent(type, visitId, { visitId, ...(voids ? { voids } : {}) })),
    );
    const poisoned = planDeliveries({ events: [...day.events, ...poison], facility });
    expect(poisoned.visits).toEqual(clean.visits);
    expect(poisoned.problems.map((problem) => problem.eventId).sort()).toEqual(
      poison.map((event) => event.id).sort(),
    );
    expect(new Set(poisoned.problems.map((problem) => problem.code))).toEqual(new Set(['wrong_entity']));
  });

  it('decides by the first event even when that is the misfit: the visit is then set aside, not guessed', () => {
    const day = outageDay({ visits: 2, seed: 32 });
    const [first, second] = day.arrivalOrder as [string, string];
    const poisonFirst = rm12(first, first);
    const { visits, problems } = planDeliveries({ events: [poisonFirst, ...day.events], facility });
    expect(visits.map((visit) => visit.visitId)).toEqual([second]);
    const setAside = day.events.filter((event) => event.entityId === first).map((event) => event.id);
    expect(problems.map((problem) => problem.eventId).sort()).toEqual(setAside.sort());
  });
});

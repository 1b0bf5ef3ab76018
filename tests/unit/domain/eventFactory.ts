import {
  hasRight,
  makeEvent,
  ROLES,
  workflowOf,
  type CaptureContext,
  type DomainEvent,
  type EventType,
  type PayloadOf,
  type Role,
} from '@/domain';

const correcting = (type: EventType) =>
  type === 'patient.corrected' || type === 'assessment.amended' || type === 'event.voided';
import { uuidv7 } from '@/lib/ids';
import { testActor } from '../testAccounts';
import { DEMO_CONFIG } from '../../../server/demoConfig';

export function testContext(now = '2026-11-22T08:00:00+07:00', deviceCode = 'PD1'): CaptureContext {
  return {
    deviceId: uuidv7(),
    deviceCode,
    actor: testActor('registration'),
    config: DEMO_CONFIG,
    now: new Date(now),
    clock: { offsetMs: null, measuredAt: null },
    newId: () => uuidv7(),
  };
}

/** A valid event of the given type at a wall-clock time (HH:MM, 22 Nov 2026 WIB). */
export function eventAt<T extends EventType>(
  type: T,
  entityId: string,
  time: string,
  payload: PayloadOf<T>,
  deviceCode = 'PD1',
): DomainEvent {
  // The first role allowed to record this type, so each test event is one a real user could make.
  const role = ROLES.find((candidate) =>
    hasRight(candidate, workflowOf(type), correcting(type) ? 'correct' : 'input'),
  );
  return eventAs(role!, type, entityId, time, payload, deviceCode);
}

/** The same, made by the test person of `role` (the caller chose a role allowed to make it). */
export function eventAs<T extends EventType>(
  role: Role,
  type: T,
  entityId: string,
  time: string,
  payload: PayloadOf<T>,
  deviceCode = 'PD1',
): DomainEvent {
  const context = { ...testContext('2026-11-22T23:00:00+07:00', deviceCode), actor: testActor(role) };
  const built = makeEvent(context, {
    type,
    entityId,
    time: {
      occurredAt: `2026-11-22T${time}:00.000+07:00`,
      timeSource: 'manual_entry',
      at: new Date(`2026-11-22T${time}:00+07:00`),
    },
    source: 'direct',
    payload,
  });
  if (!built.ok) throw new Error(`${type}: ${JSON.stringify(built.error)}`);
  return built.value;
}

export function visitRegistered(
  visitId: string,
  time: string,
  overrides: Partial<PayloadOf<'visit.registered'>> = {},
) {
  return eventAt('visit.registered', visitId, time, {
    patientId: uuidv7(),
    poliCode: 'UMU',
    doctorCode: 'D001',
    visitType: 'lama',
    payer: { type: 'umum' },
    ticket: { prefix: 'A', deviceCode: 'PD1', sequence: 1 },
    serviceDate: '2026-11-22',
    arrivedAt: `2026-11-22T${time}:00.000+07:00`,
    ...overrides,
  });
}

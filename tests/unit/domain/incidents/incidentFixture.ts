import { makeEvent, type DomainEvent, type EventType, type PayloadOf, type Role } from '@/domain';
import { testContext } from '../eventFactory';
import { testActor } from '../../testAccounts';

/** An incident event at an ISO time (WIB), by a person of the given role on a device. */
export function incidentEvent<T extends EventType>(
  type: T,
  entityId: string,
  occurredAt: string,
  payload: PayloadOf<T>,
  role: Role = 'registration',
  deviceCode = 'PD1',
): DomainEvent {
  const context = testContext('2027-01-01T00:00:00+07:00', deviceCode);
  context.actor = testActor(role);
  const built = makeEvent(context, {
    type,
    entityId,
    time: { occurredAt, timeSource: 'manual_entry', at: new Date(occurredAt) },
    source: 'direct',
    payload,
  });
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  return built.value;
}

/** An incident opened by hand at the registration desk unless told otherwise; IT starts drills. */
export const opened = (
  id: string,
  detectedAt: string,
  overrides: Partial<PayloadOf<'incident.opened'>> = {},
  deviceCode = 'PD1',
) =>
  incidentEvent(
    'incident.opened',
    id,
    detectedAt,
    {
      detection: 'manual',
      detectedAt,
      unit: 'Pendaftaran',
      scope: 'hospital',
      cause: 'unknown',
      drill: false,
      ...overrides,
    },
    overrides.drill ? 'admin' : 'registration',
    deviceCode,
  );

import type { EventOf } from '../events/domainEvent';
import type { Patient } from './types';

type PatientEvent =
  EventOf<'patient.registered'> | EventOf<'patient.corrected'> | EventOf<'patient.mrn_mapped'>;

/** Patients this device knows: registered here or (after sync) on another device. */
export function reducePatient(current: Patient | undefined, event: PatientEvent): Patient | undefined {
  switch (event.type) {
    case 'patient.registered':
      // The same registration applied twice (a replay) leaves the patient as it is.
      if (current) return current;
      return {
        ...event.payload,
        id: event.entityId,
        registeredAt: event.occurredAt,
        deviceCode: event.deviceCode,
        ...(event.drillId ? { drillId: event.drillId } : {}),
        corrections: [],
      };
    case 'patient.corrected': {
      if (!current) return undefined; // correction of a patient this device never saw
      const changes = Object.fromEntries(
        Object.entries(event.payload.changes).filter(([, value]) => value !== undefined),
      ) as Partial<Patient>;
      return {
        ...current,
        ...changes,
        corrections: [
          ...current.corrections,
          {
            eventId: event.id,
            occurredAt: event.occurredAt,
            actor: event.actor,
            reason: event.payload.reason,
            changes,
          },
        ],
      };
    }
    case 'patient.mrn_mapped':
      if (!current) return undefined;
      return {
        ...current,
        mrn: event.payload.mrn,
        mrnMapping: {
          eventId: event.id,
          mrn: event.payload.mrn,
          basis: event.payload.basis,
          mappedAt: event.occurredAt,
          actor: event.actor,
        },
      };
  }
}

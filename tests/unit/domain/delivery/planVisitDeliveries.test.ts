import { describe, expect, it } from 'vitest';
import { planVisitDeliveries } from '@/domain/delivery/planVisitDeliveries';
import { stamp } from '@/domain/delivery/simrsDocument';
import { uuidv7 } from '@/lib/ids';
import { DEMO_CONFIG } from '../../../../server/demoConfig';
import { outageDay, registrationAt } from '../../../fixtures/outageEvents';

const facility = { code: DEMO_CONFIG.facility.code, timeZone: DEMO_CONFIG.facility.timeZone };

const newPatientVisit = () =>
  registrationAt(
    { kind: 'new', name: 'Budi Santoso', sex: 'L', birthDate: '1980-02-03', identityVerifiedBy: 'ktp' },
    '2026-11-23T06:30:00+07:00',
  );

describe('planning visits for the SIMRS', () => {
  it('orders visits by real arrival, whatever order their events came in', () => {
    const day = outageDay({ visits: 30, devices: 3, seed: 11 });
    const planned = planVisitDeliveries({ events: day.events, facility });
    expect(planned.map((item) => item.visitId)).toEqual(day.arrivalOrder);
    expect(planVisitDeliveries({ events: [...day.events].reverse(), facility })).toEqual(planned);
  });

  it('leaves practice data out and holds a temporary patient until a real MRN is mapped', () => {
    const day = outageDay({ visits: 2, seed: 1 });
    const practice = outageDay({ visits: 1, seed: 2 }).events.map((event) => ({
      ...event,
      drillId: uuidv7(),
    }));
    const fresh = newPatientVisit();
    const planned = planVisitDeliveries({ events: [...day.events, ...practice, ...fresh.events], facility });
    expect(planned).toHaveLength(3);
    const held = planned.find((item) => item.patientId === fresh.patientId)!;
    expect(held.hold).toBe('patient_not_mapped');
    expect(held.document.patient.mrn).toBeUndefined();
    expect(held.document.patient.tempNumber).toMatch(/^T/);

    const mapped = planVisitDeliveries({
      events: [...day.events, ...fresh.events],
      facility,
      mrnByPatient: new Map([[fresh.patientId, '345678']]),
    }).find((item) => item.patientId === fresh.patientId)!;
    expect(mapped.hold).toBeUndefined();
    expect(mapped.document.patient).toMatchObject({
      mrn: '345678',
      tempNumber: held.document.patient.tempNumber,
    });
  });

  it('writes every time in UTC and in the facility zone (WIB, WITA, WIT)', () => {
    expect(stamp('2026-11-23T08:15:00.000+07:00', 'Asia/Jakarta')).toEqual({
      utc: '2026-11-23T01:15:00.000Z',
      local: '2026-11-23T08:15:00.000+07:00',
    });
    expect(stamp('2026-11-23T01:15:00.000Z', 'Asia/Makassar').local).toBe('2026-11-23T09:15:00.000+08:00');
    // Just after midnight in Jayapura is still the day before in UTC.
    expect(stamp('2026-11-23T00:30:00.000+09:00', 'Asia/Jayapura')).toEqual({
      utc: '2026-11-22T15:30:00.000Z',
      local: '2026-11-23T00:30:00.000+09:00',
    });
  });

  it('carries the timeline, the BPJS task times and the slip of each visit', () => {
    const day = outageDay({ visits: 1, seed: 9 });
    const [planned] = planVisitDeliveries({ events: day.events, facility });
    const document = planned!.document;
    expect(document.timeline.map((entry) => entry.type)).toEqual([
      'visit.registered',
      'queue.called',
      'queue.service_started',
      'queue.service_ended',
    ]);
    expect(document.bpjsTasks.map((task) => [task.taskId, task.at.utc, task.epochMs])).toEqual(
      [document.visit.registeredAt, document.visit.serviceStartedAt!, document.visit.serviceEndedAt!].map(
        (at, index) => [3 + index, at.utc, Date.parse(at.utc)],
      ),
    );
    expect(document.slips).toHaveLength(1);
    expect(document.slips[0]!.status).toBe('requested');
  });
});

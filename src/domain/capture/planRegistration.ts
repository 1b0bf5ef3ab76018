import { err, ok, type Result } from '@/lib/result';
import type { DomainEvent } from '../events/domainEvent';
import type { EventSource } from '../events/envelope';
import type { PatientIdentity } from '../events/patientEvents';
import { ticketLabel, type Payer } from '../events/visitEvents';
import { checkNik } from '../identifiers/nik';
import { isValidMrn, normaliseName } from '../identifiers/patientIdentifiers';
import { formatTempNumber } from '../identifiers/tempNumber';
import {
  slipCounterKey,
  tempCounterKey,
  ticketCounterKey,
  ticketSeriesOf,
} from '../projections/projectEvent';
import type { Patient, Visit } from '../projections/types';
import { Reason, type FieldProblem } from '../reasons';
import { compactFacilityDate, facilityDate, toFacilityIso } from '../time/facilityTime';
import { isOpenVisit } from '../visits/queueRules';
import {
  collectEvents,
  makeEvent,
  resolveWhen,
  type CaptureContext,
  type ResolvedTime,
  type When,
} from './captureContext';

export type NewPatientIdentity = Omit<PatientIdentity, 'tempNumber'>;

export type RegistrationInput = {
  /** A patient found on this device, or the identity typed at the desk. */
  patient: { patientId: string } | { identity: NewPatientIdentity };
  poliCode: string;
  doctorCode: string;
  payer: Payer;
  source: EventSource;
  /** When registration was completed (BPJS task 3). */
  registeredAt: When;
  /** When the patient arrived at the desk (task 1 for new patients); defaults to `registeredAt`. */
  arrivedAt?: When;
  /** When the clerk began this registration (task 2 for new patients), captured by the form. */
  admissionStartedAt?: Date;
  /** The clerk knows the patient already has an open visit at this poli today and wants a second. */
  confirmSecondVisit?: boolean;
};

export type RegistrationState = {
  knownPatient?: Patient;
  /** The known patient's visits on this device (to find one still open at the same poli today). */
  visitsOfPatient?: readonly Visit[];
  /** Patients on this device with the NIK typed for a new identity: that person is not new. */
  patientsWithNik?: readonly Patient[];
  /** The highest number already used in a per-device series (0 when none). */
  counterValue: (key: string) => number;
};

export type RegistrationPlan = {
  events: DomainEvent[];
  patientId: string;
  visitId: string;
  ticketLabel: string;
  tempNumber?: string;
  slipId?: string;
  slipNo?: string;
};

const MAX_TICKETS_PER_DAY = 999;
const MAX_TEMP_NUMBERS_PER_DAY = 9999;
const MAX_SLIPS_PER_DAY = 999;

function checkIdentity(identity: NewPatientIdentity, context: CaptureContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (identity.kind === 'returning') {
    if (!identity.mrn) problems.push({ field: 'patient.mrn', reason: Reason.MrnRequired });
    else if (!isValidMrn(identity.mrn, context.config.mrn.pattern)) {
      problems.push({
        field: 'patient.mrn',
        reason: Reason.MrnFormat,
        params: { example: context.config.mrn.example },
      });
    }
  }
  if (identity.nik) {
    // The field shows one sentence: the first impossible part (the birth date may be in the future).
    const nik = checkNik(identity.nik, context.now);
    if (!nik.ok) problems.push({ field: 'patient.nik', reason: nik.error[0]! });
  }
  if (
    identity.birthDate &&
    identity.birthDate > facilityDate(context.now, context.config.facility.timeZone)
  ) {
    problems.push({ field: 'patient.birthDate', reason: Reason.BirthDateInFuture });
  }
  return problems;
}

/**
 * Plans a registration at the desk: the patient (when new to this device), the visit with its
 * queue ticket, and — for a returning patient with a medical-record number — the record-request
 * slip the SOP requires. Pure: the caller stores the events in one transaction.
 */
export function planRegistration(
  input: RegistrationInput,
  state: RegistrationState,
  context: CaptureContext,
): Result<RegistrationPlan, FieldProblem[]> {
  const { config } = context;
  const zone = config.facility.timeZone;
  const problems: FieldProblem[] = [];

  const poli = config.polis.find((candidate) => candidate.code === input.poliCode);
  if (!poli) problems.push({ field: 'poliCode', reason: Reason.UnknownPoli });
  else if (!poli.doctors.some((doctor) => doctor.code === input.doctorCode)) {
    problems.push({ field: 'doctorCode', reason: Reason.UnknownDoctor });
  }
  if ('identity' in input.patient) {
    problems.push(...checkIdentity(input.patient.identity, context));
    // One person, one record: a NIK this device knows is that patient, never a second number.
    if (input.patient.identity.nik && (state.patientsWithNik?.length ?? 0) > 0)
      problems.push({ field: 'patient.nik', reason: Reason.NikAlreadyKnown });
  } else if (!state.knownPatient || state.knownPatient.id !== input.patient.patientId) {
    problems.push({ field: 'patient', reason: Reason.Required });
  }

  const registered = resolveWhen(input.registeredAt, context, 'registeredAt');
  const arrived = input.arrivedAt ? resolveWhen(input.arrivedAt, context, 'arrivedAt') : registered;
  if (!registered.ok) problems.push(registered.error);
  if (input.arrivedAt && !arrived.ok) problems.push(arrived.error);
  if (!registered.ok || !arrived.ok || !poli || problems.length > 0) return err(problems);

  // Arrival ≤ start of registration ≤ registration done. The form's opening time only counts as
  // the start of service when the clerk is registering as it happens.
  const admissionStart =
    input.admissionStartedAt &&
    input.registeredAt.mode === 'now' &&
    input.admissionStartedAt <= registered.value.at
      ? input.admissionStartedAt
      : undefined;
  if (arrived.value.at > registered.value.at) problems.push({ field: 'arrivedAt', reason: Reason.TimeOrder });
  const serviceDate = facilityDate(arrived.value.at, zone);
  // One open visit per patient per poli per day (DOMAIN.md §7.1), unless the clerk confirms a second.
  const openHere = state.visitsOfPatient?.find(
    (visit) => visit.serviceDate === serviceDate && visit.poliCode === poli.code && isOpenVisit(visit),
  );
  if (openHere && !input.confirmSecondVisit) {
    problems.push({
      field: 'confirmSecondVisit',
      reason: Reason.SecondVisitNotConfirmed,
      params: { ticket: openHere.ticketLabel },
    });
  }
  if (problems.length > 0) return err(problems);

  const compactDate = compactFacilityDate(registered.value.at, zone);
  const series = config.queue?.deskSeries?.[context.deviceCode];
  const issuer = { deviceCode: context.deviceCode, ...(series === undefined ? {} : { series }) };
  const ticketSequence =
    state.counterValue(ticketCounterKey(poli.code, serviceDate, ticketSeriesOf(issuer))) + 1;
  if (ticketSequence > MAX_TICKETS_PER_DAY)
    return err([{ field: 'poliCode', reason: Reason.SequenceExhausted }]);
  const ticket = { prefix: poli.queuePrefix, ...issuer, sequence: ticketSequence };

  const time: ResolvedTime = registered.value;
  const builds = [];
  let patientId: string;
  let tempNumber: string | undefined;
  let mrn: string | undefined;
  let hasHospitalRecord: boolean;
  if ('identity' in input.patient) {
    const identity = input.patient.identity;
    patientId = context.newId();
    if (identity.kind !== 'returning') {
      const tempSequence = state.counterValue(tempCounterKey(context.deviceCode, compactDate)) + 1;
      if (tempSequence > MAX_TEMP_NUMBERS_PER_DAY)
        return err([{ field: 'patient', reason: Reason.SequenceExhausted }]);
      tempNumber = formatTempNumber(context.deviceCode, compactDate, tempSequence);
    }
    mrn = identity.kind === 'returning' ? identity.mrn : undefined;
    hasHospitalRecord = identity.kind === 'returning';
    builds.push(
      makeEvent(context, {
        type: 'patient.registered',
        entityId: patientId,
        time,
        source: input.source,
        payload: {
          ...identity,
          name: normaliseName(identity.name),
          ...(tempNumber ? { tempNumber } : {}),
        },
      }),
    );
  } else {
    const known = state.knownPatient!;
    patientId = known.id;
    mrn = known.mrn;
    // Seen before (today or on a past visit known to this device): the paper record exists.
    hasHospitalRecord = true;
  }

  const visitId = context.newId();
  builds.push(
    makeEvent(context, {
      type: 'visit.registered',
      entityId: visitId,
      time,
      source: input.source,
      payload: {
        patientId,
        poliCode: poli.code,
        doctorCode: input.doctorCode,
        visitType: hasHospitalRecord ? 'lama' : 'baru',
        payer: input.payer,
        ticket,
        serviceDate,
        arrivedAt: arrived.value.occurredAt,
        ...(admissionStart ? { admissionStartedAt: toFacilityIso(admissionStart, zone) } : {}),
        ...(openHere ? { secondVisitConfirmed: true as const } : {}),
      },
    }),
  );

  let slipId: string | undefined;
  let slipNo: string | undefined;
  if (mrn) {
    const slipSequence = state.counterValue(slipCounterKey(context.deviceCode, compactDate)) + 1;
    if (slipSequence > MAX_SLIPS_PER_DAY)
      return err([{ field: 'patient', reason: Reason.SequenceExhausted }]);
    slipId = context.newId();
    slipNo = `BON-${context.deviceCode}-${compactDate}-${String(slipSequence).padStart(3, '0')}`;
    builds.push(
      makeEvent(context, {
        type: 'slip.requested',
        entityId: slipId,
        time,
        source: input.source,
        payload: { slipNo, visitId, patientId, mrn, poliCode: poli.code, serviceDate, automatic: true },
      }),
    );
  }

  const events = collectEvents(builds);
  if (!events.ok) return err(events.error);
  return ok({
    events: events.value,
    patientId,
    visitId,
    ticketLabel: ticketLabel(ticket),
    ...(tempNumber ? { tempNumber } : {}),
    ...(slipId && slipNo ? { slipId, slipNo } : {}),
  });
}

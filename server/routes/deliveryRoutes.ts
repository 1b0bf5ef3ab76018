import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { DELIVERY_TARGET_PATTERN } from '@/domain/events/deliveryEvents';
import type {
  DeliveryStatus,
  PatientCandidates,
  WaitingPatientsAnswer,
} from '@/domain/delivery/deliveryStatus';
import { duplicateCandidates, type CandidatePerson } from '@/domain/delivery/duplicateCandidates';
import { simrsPatient } from '@/domain/delivery/simrsDocument';
import { backEntryRows } from '@/domain/delivery/backEntryWorklist';
import { planVisitDeliveries } from '@/domain/delivery/planVisitDeliveries';
import { reconcile, type ReconciliationReport } from '@/domain/delivery/reconciliation';
import type { RuntimeConfig } from '@/domain';
import { planningEvents, visitDeliveryStates, voidedDuring } from '../delivery/deliveryQueue';
import { hubPatient, hubPatients } from '../delivery/hubPatients';
import type { PatientDirectory } from '../delivery/simrsRestAdapter';
import type { HubDatabase } from '../db/openHubDatabase';
import type { DeliveryTarget } from '../delivery/deliveryConfig';
import { queueSummary } from '../delivery/deliveryQueue';
import { sendError } from '../httpErrors';
import { deviceAuthenticator } from './deviceAuth';

const targetRequestSchema = z.strictObject({ target: z.string().check(z.regex(DELIVERY_TARGET_PATTERN)) });
const reconciliationRequestSchema = z.strictObject({
  target: z.string().check(z.regex(DELIVERY_TARGET_PATTERN)),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});
const windowRequestSchema = z.strictObject({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});
const patientRequestSchema = z.strictObject({
  target: z.string().check(z.regex(DELIVERY_TARGET_PATTERN)),
  patientId: z.string().check(z.regex(/^[0-9a-f-]{36}$/)),
});

/**
 * The recovery console's view of delivery; starting and pausing are events [P27]. The patient
 * routes help a records officer decide who a temporary patient is [P28]: they speak to the SIMRS
 * with the hub's credentials, and patient data travels only in bodies (never in URLs or logs).
 */
export function registerDeliveryRoutes(
  app: FastifyInstance,
  deps: {
    db: HubDatabase;
    now: () => Date;
    targets: readonly DeliveryTarget[];
    directories: ReadonlyMap<string, PatientDirectory>;
    config: () => RuntimeConfig | undefined;
  },
): void {
  const authenticate = deviceAuthenticator(deps);
  const stateOf = deps.db.prepare<
    [string],
    { state: 'paused' | 'running'; changed_at: string; changed_by: string }
  >('SELECT state, changed_at, changed_by FROM delivery_targets WHERE name = ?');

  app.get('/api/v1/delivery', { preHandler: authenticate, logLevel: 'warn' }, async (request, reply) => {
    if (request.tokenScope !== 'full')
      return sendError(reply, 403, 'push_only_token', 'This token may only send events.');
    const now = deps.now();
    const body: DeliveryStatus = {
      targets: deps.targets.map((target) => {
        const summary = queueSummary(deps.db, target.name, now);
        const state = stateOf.get(target.name);
        const perMinute = summary.deliveredRecently / 10;
        const due = summary.counts.pending + summary.counts.retrying;
        return {
          name: target.name,
          label: target.label,
          adapter: target.adapter,
          state: state?.state ?? 'paused',
          changedAt: state?.changed_at ?? null,
          changedBy: state?.changed_by ?? null,
          counts: summary.counts,
          failures: summary.failures,
          lastDeliveredAt: summary.lastDeliveredAt,
          perMinute,
          secondsLeft: perMinute > 0 ? Math.round((due / perMinute) * 60) : due === 0 ? 0 : null,
        };
      }),
      serverTime: now.toISOString(),
    };
    return reply.header('cache-control', 'no-store').send(body);
  });

  /** The target's patient directory, or the refusal to send. */
  const directoryFor = (target: string) => deps.directories.get(target);

  app.post(
    '/api/v1/delivery/patient-candidates',
    { preHandler: authenticate, bodyLimit: 1024 },
    async (request, reply) => {
      if (request.tokenScope !== 'full')
        return sendError(reply, 403, 'push_only_token', 'This token may only send events.');
      const parsed = patientRequestSchema.safeParse(request.body);
      if (!parsed.success) return sendError(reply, 400, 'invalid_request', 'Expected {target, patientId}.');
      const directory = directoryFor(parsed.data.target);
      if (!directory) return sendError(reply, 404, 'target_unknown', 'The hub has no such delivery target.');
      const patient = hubPatient(deps.db, parsed.data.patientId);
      if (!patient) return sendError(reply, 404, 'patient_unknown', 'The hub has no such patient.');
      const known: CandidatePerson[] = hubPatients(deps.db).map((other) => ({
        source: 'hub',
        patientId: other.id,
        ...(other.mrn ? { mrn: other.mrn } : {}),
        ...(other.tempNumber ? { tempNumber: other.tempNumber } : {}),
        ...(other.nik ? { nik: other.nik } : {}),
        name: other.name,
        ...(other.birthDate ? { birthDate: other.birthDate } : {}),
        sex: other.sex,
      }));
      const query = {
        ...(patient.nik ? { nik: patient.nik } : {}),
        ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
      };
      const answer = Object.keys(query).length > 0 ? await directory.search(query) : undefined;
      const fromSimrs: CandidatePerson[] = answer?.ok
        ? answer.value.map((match) => ({
            source: 'simrs',
            mrn: match.mrn,
            ...(match.nik ? { nik: match.nik } : {}),
            name: match.name,
            ...(match.birthDate ? { birthDate: match.birthDate } : {}),
            sex: match.sex,
          }))
        : [];
      const patientKey = {
        patientId: patient.id,
        name: patient.name,
        sex: patient.sex,
        ...(patient.nik ? { nik: patient.nik } : {}),
        ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
      };
      const body: PatientCandidates = {
        candidates: duplicateCandidates(patientKey, [...fromSimrs, ...known]),
        simrs: answer === undefined ? 'not_asked' : answer.ok ? 'answered' : answer.error.code,
      };
      return reply.header('cache-control', 'no-store').send(body);
    },
  );

  // Temporary patients whose visits wait for a real MRN, with what a person needs to decide.
  app.post(
    '/api/v1/delivery/waiting-patients',
    { preHandler: authenticate, bodyLimit: 1024 },
    async (request, reply) => {
      if (request.tokenScope !== 'full')
        return sendError(reply, 403, 'push_only_token', 'This token may only send events.');
      const parsed = targetRequestSchema.safeParse(request.body);
      if (!parsed.success) return sendError(reply, 400, 'invalid_request', 'Expected {target}.');
      const rows = deps.db
        .prepare<[string], { patient_id: string; visits: number; first: string }>(
          `SELECT patient_id, count(*) AS visits, min(sort_at) AS first FROM delivery_items
           WHERE target = ? AND status = 'waiting' GROUP BY patient_id ORDER BY first`,
        )
        .all(parsed.data.target);
      const patients = rows.flatMap((row) => {
        const patient = hubPatient(deps.db, row.patient_id);
        // Mapped since the last plan: no longer waiting for a person.
        if (!patient || patient.mrn) return [];
        return [
          {
            patientId: patient.id,
            kind: patient.kind,
            ...(patient.tempNumber ? { tempNumber: patient.tempNumber } : {}),
            name: patient.name,
            sex: patient.sex,
            ...(patient.nik ? { nik: patient.nik } : {}),
            ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
            ...(patient.estimatedAgeYears !== undefined
              ? { estimatedAgeYears: patient.estimatedAgeYears }
              : {}),
            visits: row.visits,
            firstArrivalAt: row.first,
          },
        ];
      });
      const body: WaitingPatientsAnswer = { patients };
      return reply.header('cache-control', 'no-store').send(body);
    },
  );

  // The reconciliation of an incident's window: everything captured against what the SIMRS holds.
  app.post(
    '/api/v1/delivery/reconciliation',
    { preHandler: authenticate, bodyLimit: 1024 },
    async (request, reply) => {
      if (request.tokenScope !== 'full')
        return sendError(reply, 403, 'push_only_token', 'This token may only send events.');
      const parsed = reconciliationRequestSchema.safeParse(request.body);
      if (!parsed.success)
        return sendError(reply, 400, 'invalid_request', 'Expected {target, from, to} (ISO times).');
      const facility = deps.config()?.facility;
      if (!facility) return sendError(reply, 503, 'config_missing', 'config.json is missing or invalid.');
      const { target, from, to } = parsed.data;
      const planned = planVisitDeliveries({
        events: planningEvents(deps.db),
        facility: { code: facility.code, timeZone: facility.timeZone },
      });
      const body: ReconciliationReport = reconcile({
        from,
        to,
        planned,
        states: visitDeliveryStates(deps.db, target),
        voided: voidedDuring(deps.db, from, to),
      });
      return reply.header('cache-control', 'no-store').send(body);
    },
  );

  // The back-entry worklist: what to type into a SIMRS without integration, in real-time order.
  app.post(
    '/api/v1/delivery/worklist',
    { preHandler: authenticate, bodyLimit: 1024 },
    async (request, reply) => {
      if (request.tokenScope !== 'full')
        return sendError(reply, 403, 'push_only_token', 'This token may only send events.');
      const parsed = windowRequestSchema.safeParse(request.body);
      if (!parsed.success)
        return sendError(reply, 400, 'invalid_request', 'Expected {from, to} (ISO times).');
      const facility = deps.config()?.facility;
      if (!facility) return sendError(reply, 503, 'config_missing', 'config.json is missing or invalid.');
      const planned = planVisitDeliveries({
        events: planningEvents(deps.db),
        facility: { code: facility.code, timeZone: facility.timeZone },
      });
      return reply
        .header('cache-control', 'no-store')
        .send({ rows: backEntryRows(planned, parsed.data.from, parsed.data.to) });
    },
  );

  app.post(
    '/api/v1/delivery/patients',
    { preHandler: authenticate, bodyLimit: 1024 },
    async (request, reply) => {
      if (request.tokenScope !== 'full')
        return sendError(reply, 403, 'push_only_token', 'This token may only send events.');
      const parsed = patientRequestSchema.safeParse(request.body);
      if (!parsed.success) return sendError(reply, 400, 'invalid_request', 'Expected {target, patientId}.');
      const directory = directoryFor(parsed.data.target);
      if (!directory) return sendError(reply, 404, 'target_unknown', 'The hub has no such delivery target.');
      const patient = hubPatient(deps.db, parsed.data.patientId);
      if (!patient) return sendError(reply, 404, 'patient_unknown', 'The hub has no such patient.');
      if (patient.mrn)
        return sendError(reply, 409, 'patient_has_mrn', 'This patient already has a medical-record number.');
      const created = await directory.create(simrsPatient(patient));
      if (!created.ok) {
        request.log.warn({ code: created.error.code }, 'SIMRS did not create a new patient');
        // Unreachable or garbled: the gateway's fault, try again. Anything else: the SIMRS said no.
        const unavailable = ['simrs_unreachable', 'invalid_answer'].includes(created.error.code);
        return sendError(reply, unavailable ? 502 : 422, created.error.code, created.error.message);
      }
      return reply.header('cache-control', 'no-store').status(201).send({ mrn: created.value.mrn });
    },
  );
}

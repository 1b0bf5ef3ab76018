import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod/mini';
import type { Patient, RuntimeConfig } from '@/domain';
import { backEntryRows } from '@/domain/delivery/backEntryWorklist';
import type {
  DeliveryStatus,
  PatientCandidates,
  WaitingPatientsAnswer,
} from '@/domain/delivery/deliveryStatus';
import { deliveryRatePerMinute, secondsLeftAt } from '@/domain/delivery/deliveryRate';
import { duplicateCandidates, type CandidatePerson } from '@/domain/delivery/duplicateCandidates';
import { planDeliveries, type PlannedVisit } from '@/domain/delivery/planVisitDeliveries';
import { reconcile, type ReconciliationReport } from '@/domain/delivery/reconciliation';
import { simrsPatient } from '@/domain/delivery/simrsDocument';
import { DELIVERY_TARGET_PATTERN } from '@/domain/events/deliveryEvents';
import type { HubDatabase } from '../db/openHubDatabase';
import type { DeliveryTarget } from '../delivery/deliveryConfig';
import { planningInput, queueSummary, visitDeliveryStates, voidedDuring } from '../delivery/deliveryQueue';
import { hubPatient, hubPatients } from '../delivery/hubPatients';
import { reportPlanningProblems } from '../delivery/planningProblems';
import { visitsFor } from '../delivery/targetVisits';
import type { PatientDirectory } from '../delivery/simrsRestAdapter';
import { HubError } from '@/domain/sync/hubRefusals';
import { sendError } from '../httpErrors';
import { deviceAuthenticator } from './deviceAuth';

const target = z.string().check(z.regex(DELIVERY_TARGET_PATTERN));
const instant = z.iso.datetime({ offset: true });
const targetRequestSchema = z.strictObject({ target });
const windowRequestSchema = z.strictObject({ from: instant, to: instant });
const reconciliationRequestSchema = z.strictObject({ target, from: instant, to: instant });
const patientRequestSchema = z.strictObject({
  target,
  patientId: z.string().check(z.regex(/^[0-9a-f-]{36}$/)),
});

/** A patient as a duplicate candidate, or as the console shows who waits. */
function candidateOf(patient: Patient): CandidatePerson {
  return {
    source: 'hub',
    patientId: patient.id,
    ...(patient.mrn ? { mrn: patient.mrn } : {}),
    ...(patient.tempNumber ? { tempNumber: patient.tempNumber } : {}),
    ...(patient.nik ? { nik: patient.nik } : {}),
    name: patient.name,
    ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
    sex: patient.sex,
  };
}

/**
 * The recovery console's view of delivery; starting and pausing are events [P27]. Its questions
 * about patients and incidents [P28] are POSTs with the full token, so patient data travels only
 * in bodies (never in URLs or logs); the patient ones speak to the SIMRS with the hub's credentials.
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
  const pushOnly = (reply: FastifyReply) =>
    sendError(reply, 403, 'push_only_token', 'This token may only send events.');

  app.get('/api/v1/delivery', { preHandler: authenticate, logLevel: 'warn' }, async (request, reply) => {
    if (request.tokenScope !== 'full') return pushOnly(reply);
    const now = deps.now();
    const body: DeliveryStatus = {
      targets: deps.targets.map((one) => {
        const summary = queueSummary(deps.db, one.name, now);
        const state = stateOf.get(one.name);
        const perMinute = deliveryRatePerMinute(summary.recent, now);
        const due = summary.counts.pending + summary.counts.retrying;
        return {
          name: one.name,
          label: one.label,
          adapter: one.adapter,
          state: state?.state ?? 'paused',
          changedAt: state?.changed_at ?? null,
          changedBy: state?.changed_by ?? null,
          counts: summary.counts,
          failures: summary.failures,
          lastDeliveredAt: summary.lastDeliveredAt,
          perMinute,
          secondsLeft: secondsLeftAt(perMinute, due),
        };
      }),
      serverTime: now.toISOString(),
    };
    return reply.header('cache-control', 'no-store').send(body);
  });

  /** One console question: full token, a small JSON body of this shape, never cached. */
  function question<S extends z.ZodMiniType>(
    path: string,
    schema: S,
    expected: string,
    answer: (body: z.output<S>, request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>,
  ): void {
    app.post(path, { preHandler: authenticate, bodyLimit: 1024 }, async (request, reply) => {
      if (request.tokenScope !== 'full') return pushOnly(reply);
      const parsed = schema.safeParse(request.body);
      if (!parsed.success) return sendError(reply, 400, 'invalid_request', `Expected ${expected}.`);
      void reply.header('cache-control', 'no-store');
      return answer(parsed.data, request, reply);
    });
  }

  /**
   * Every visit as the SIMRS would get it now; `undefined` without a valid config.json. What does
   * not fit [P31] is left out (and logged once), never a reason to answer 500.
   */
  function plannedNow(): PlannedVisit[] | undefined {
    const facility = deps.config()?.facility;
    if (!facility) return undefined;
    const { visits, problems } = planDeliveries({
      ...planningInput(deps.db),
      facility: { code: facility.code, timeZone: facility.timeZone },
    });
    reportPlanningProblems(app.log, problems);
    return visits;
  }
  const configMissing = (reply: FastifyReply) =>
    sendError(reply, 503, 'config_missing', 'config.json is missing or invalid.');

  /** The target's patient directory and the hub's patient, or the refusal already sent. */
  function directoryAndPatient(body: z.output<typeof patientRequestSchema>, reply: FastifyReply) {
    const directory = deps.directories.get(body.target);
    if (!directory) return sendError(reply, 404, 'target_unknown', 'The hub has no such delivery target.');
    const patient = hubPatient(deps.db, body.patientId);
    if (!patient) return sendError(reply, 404, 'patient_unknown', 'The hub has no such patient.');
    return { directory, patient };
  }

  // Temporary patients whose visits wait for a real MRN, with what a person needs to decide.
  question(
    '/api/v1/delivery/waiting-patients',
    targetRequestSchema,
    '{target}',
    async (body, _request, reply) => {
      const rows = deps.db
        .prepare<[string], { patient_id: string; visits: number; first: string }>(
          `SELECT patient_id, count(*) AS visits, min(sort_at) AS first FROM delivery_items
         WHERE target = ? AND status = 'waiting' GROUP BY patient_id ORDER BY first`,
        )
        .all(body.target);
      const patients = rows.flatMap((row) => {
        const patient = hubPatient(deps.db, row.patient_id);
        // Mapped since the last plan: no longer waiting for a person.
        if (!patient || patient.mrn) return [];
        const { source: _source, patientId, mrn: _mrn, ...person } = candidateOf(patient);
        return [
          {
            ...person,
            patientId: patientId!,
            kind: patient.kind,
            ...(patient.estimatedAgeYears !== undefined
              ? { estimatedAgeYears: patient.estimatedAgeYears }
              : {}),
            visits: row.visits,
            firstArrivalAt: row.first,
          },
        ];
      });
      const answer: WaitingPatientsAnswer = { patients };
      return reply.send(answer);
    },
  );

  question(
    '/api/v1/delivery/patient-candidates',
    patientRequestSchema,
    '{target, patientId}',
    async (body, _request, reply) => {
      const found = directoryAndPatient(body, reply);
      if (!('patient' in found)) return found;
      const { directory, patient } = found;
      const query = {
        ...(patient.nik ? { nik: patient.nik } : {}),
        ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
      };
      const asked = Object.keys(query).length > 0 ? await directory.search(query) : undefined;
      const fromSimrs: CandidatePerson[] = asked?.ok
        ? asked.value.map((match) => ({
            source: 'simrs',
            mrn: match.mrn,
            ...(match.nik ? { nik: match.nik } : {}),
            name: match.name,
            ...(match.birthDate ? { birthDate: match.birthDate } : {}),
            sex: match.sex,
          }))
        : [];
      const { source: _source, ...key } = candidateOf(patient);
      const answer: PatientCandidates = {
        candidates: duplicateCandidates({ ...key, patientId: patient.id }, [
          ...fromSimrs,
          ...hubPatients(deps.db).map(candidateOf),
        ]),
        simrs: asked === undefined ? 'not_asked' : asked.ok ? 'answered' : asked.error.code,
      };
      return reply.send(answer);
    },
  );

  question(
    '/api/v1/delivery/patients',
    patientRequestSchema,
    '{target, patientId}',
    async (body, request, reply) => {
      const found = directoryAndPatient(body, reply);
      if (!('patient' in found)) return found;
      if (found.patient.mrn)
        return sendError(reply, 409, 'patient_has_mrn', 'This patient already has a medical-record number.');
      const created = await found.directory.create(simrsPatient(found.patient));
      if (!created.ok) {
        request.log.warn({ code: created.error.code }, 'SIMRS did not create a new patient');
        // Unreachable or garbled: the gateway's fault, try again. Anything else: the SIMRS said no,
        // in its own code and words (kept in the message and the log, not in the hub's codes).
        const { code, message } = created.error;
        if (code === 'simrs_unreachable') return sendError(reply, 502, HubError.SimrsUnreachable, message);
        if (code === 'invalid_answer') return sendError(reply, 502, HubError.SimrsInvalidAnswer, message);
        return sendError(reply, 422, HubError.SimrsRefused, `The SIMRS refused (${code}): ${message}`);
      }
      return reply.status(201).send({ mrn: created.value.mrn });
    },
  );

  // The reconciliation of an incident's window: everything captured against what the SIMRS holds.
  question(
    '/api/v1/delivery/reconciliation',
    reconciliationRequestSchema,
    '{target, from, to} (ISO times)',
    async (body, _request, reply) => {
      const reconciled = deps.targets.find((one) => one.name === body.target);
      if (!reconciled) return sendError(reply, 404, 'target_unknown', 'The hub has no such delivery target.');
      const planned = plannedNow();
      if (!planned) return configMissing(reply);
      const answer: ReconciliationReport = reconcile({
        from: body.from,
        to: body.to,
        planned: visitsFor(reconciled, planned),
        states: visitDeliveryStates(deps.db, body.target),
        voided: voidedDuring(deps.db, body.from, body.to),
      });
      return reply.send(answer);
    },
  );

  // The back-entry worklist: what to type into a SIMRS without integration, in real-time order.
  question(
    '/api/v1/delivery/worklist',
    windowRequestSchema,
    '{from, to} (ISO times)',
    async (body, _request, reply) => {
      const planned = plannedNow();
      if (!planned) return configMissing(reply);
      return reply.send({ rows: backEntryRows(planned, body.from, body.to) });
    },
  );
}

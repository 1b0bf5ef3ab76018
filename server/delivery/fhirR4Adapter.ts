import type { Bundle } from '@medplum/fhirtypes';
import * as z from 'zod/mini';
import { fhirVisitEntries, NIK_SYSTEM, transactionBundles } from '@/domain/delivery/fhirBundle';
import type { SimrsVisitDocument } from '@/domain/delivery/simrsDocument';
import { err, ok, type Result } from '@/lib/result';
import type { FhirR4Target } from './deliveryConfig';
import type { DeliveryFailure as Failure } from './deliveryQueue';
import { refusal, unanswered } from './httpFailure';
import { oauthClient } from './oauthClient';
import type { DeliveryAdapter } from './simrsRestAdapter';

const searchAnswerSchema = z.object({
  resourceType: z.literal('Bundle'),
  entry: z.optional(
    z.array(
      z.object({ resource: z.optional(z.object({ resourceType: z.string(), id: z.optional(z.string()) })) }),
    ),
  ),
});

const transactionAnswerSchema = z.object({
  resourceType: z.literal('Bundle'),
  type: z.literal('transaction-response'),
  entry: z.array(z.object({ response: z.object({ status: z.string(), location: z.optional(z.string()) }) })),
});

const operationOutcomeSchema = z.object({
  resourceType: z.literal('OperationOutcome'),
  issue: z.array(
    z.object({
      code: z.string(),
      diagnostics: z.optional(z.string()),
      details: z.optional(z.object({ text: z.optional(z.string()) })),
    }),
  ),
});

const refused = (code: string, message: string): Failure => ({ kind: 'rejected', code, message });

/** `Encounter/abc`, `Encounter/abc/_history/2` or the same after a base URL → `Encounter/abc`. */
function referenceOf(location: string | undefined): string | undefined {
  return location?.match(/([A-Z][A-Za-z]+\/[A-Za-z0-9.-]{1,64})(\/_history\/[^/]+)?$/)?.[1];
}

/**
 * The FHIR R4 (SATUSEHAT-shaped) adapter, decision 0007: for each finished visit, the patient
 * is found in the MPI by NIK and the visit goes as one transaction Bundle of conditional creates
 * (several chained ones only past `maxBundleEntries`), so a retry after a lost answer creates
 * nothing new. Only the hub holds the client secret; the token comes from the configured URL.
 */
export function fhirR4Adapter(target: FhirR4Target, options: { fetch?: typeof fetch } = {}): DeliveryAdapter {
  const send = options.fetch ?? fetch;
  const base = target.baseUrl.replace(/\/+$/, '');
  const tokens = oauthClient({ ...target, ...(options.fetch ? { fetch: options.fetch } : {}) });

  /** One FHIR call with a bearer token; the answer checked against `schema`. */
  async function call<S extends z.ZodMiniType>(
    request: { method: 'GET' } | { method: 'POST'; body: Bundle },
    url: string,
    schema: S,
  ): Promise<Result<z.output<S>, Failure>> {
    const token = await tokens.token();
    if (!token.ok) return token;
    let response: Response;
    try {
      response = await send(url, {
        method: request.method,
        headers: {
          authorization: `Bearer ${token.value}`,
          accept: 'application/fhir+json',
          ...(request.method === 'POST' ? { 'content-type': 'application/fhir+json' } : {}),
        },
        ...(request.method === 'POST' ? { body: JSON.stringify(request.body) } : {}),
        signal: AbortSignal.timeout(target.timeoutMs),
      });
    } catch (error) {
      return err(unanswered(error, target.timeoutMs, 'The FHIR server'));
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      const parsed = schema.safeParse(body);
      return parsed.success
        ? ok(parsed.data)
        : err({ kind: 'retry', code: 'invalid_answer', message: 'The FHIR server answered outside FHIR.' });
    }
    if (response.status === 401) tokens.forget();
    const outcome = operationOutcomeSchema.safeParse(body);
    const issue = outcome.success ? outcome.data.issue[0] : undefined;
    const message =
      issue?.details?.text ?? issue?.diagnostics ?? `The FHIR server answered HTTP ${response.status}.`;
    return err(refusal(response, issue ? `fhir_${issue.code}` : `http_${response.status}`, message));
  }

  async function patientByNik(nik: string): Promise<Result<string, Failure>> {
    // SATUSEHAT's documented search (DOMAIN.md §1.3); the URL goes only from the hub to the MPI.
    const query = new URLSearchParams({ identifier: `${NIK_SYSTEM}|${nik}` });
    const found = await call({ method: 'GET' }, `${base}/Patient?${query.toString()}`, searchAnswerSchema);
    if (!found.ok) return found;
    const ids = (found.value.entry ?? []).flatMap((entry) =>
      entry.resource?.resourceType === 'Patient' && entry.resource.id ? [entry.resource.id] : [],
    );
    if (ids.length === 0) return err(refused('patient_not_in_mpi', 'No patient with this NIK in the MPI.'));
    if (ids.length > 1) return err(refused('patient_ambiguous', 'Several MPI patients have this NIK.'));
    return ok(`Patient/${ids[0]}`);
  }

  async function transaction(bundle: Bundle): Promise<Result<string[], Failure>> {
    const answer = await call({ method: 'POST', body: bundle }, base, transactionAnswerSchema);
    if (!answer.ok) return answer;
    const references = answer.value.entry.map((entry) => referenceOf(entry.response.location));
    if (references.length !== bundle.entry?.length || references.some((reference) => !reference))
      return err({
        kind: 'retry',
        code: 'invalid_answer',
        message: 'The transaction answer lacks locations.',
      });
    return ok(references as string[]);
  }

  return {
    deliver: async (item) => {
      const document = item.document as SimrsVisitDocument;
      const { nik } = document.patient;
      const { poliCode, doctorCode } = document.visit;
      const locationId = target.locations[poliCode];
      const practitionerId = target.practitioners[doctorCode];
      // The RM 1.2 names its examining doctor; an assessment without a doctor code cannot be
      // attributed to anyone in SATUSEHAT, and the visit's doctor must not be put in their place.
      const examinerCode = document.assessment ? document.assessment.clinician.doctorCode : doctorCode;
      const examinerId = examinerCode === undefined ? undefined : target.practitioners[examinerCode];
      if (!nik) return refused('patient_without_nik', 'SATUSEHAT finds patients by NIK.');
      if (!locationId)
        return refused('location_not_mapped', `Poli ${poliCode} has no SATUSEHAT Location in delivery.json.`);
      if (!practitionerId)
        return refused('practitioner_not_mapped', `Doctor ${doctorCode} has no IHS number in delivery.json.`);
      if (!examinerId)
        return refused(
          'practitioner_not_mapped',
          `The examining doctor ${examinerCode ?? '(no code)'} has no IHS number in delivery.json.`,
        );
      const patient = await patientByNik(nik);
      if (!patient.ok) return patient.error;
      const built = fhirVisitEntries(document, {
        organizationId: target.organizationId,
        patient: patient.value,
        practitionerId,
        examinerId,
        locationId,
      });
      if (!built.ok) return refused(built.reason, 'Not a finished visit with an assessment.');

      const bundles = transactionBundles(built.entries, built.diagnosisCount, target.maxBundleEntries);
      const first = await transaction(bundles.first);
      if (!first.ok) return first.error;
      const encounter = first.value[0]!;
      const resources = [...first.value];
      for (const bundle of bundles.later(encounter)) {
        const created = await transaction(bundle);
        if (!created.ok) return created.error;
        resources.push(...created.value);
      }
      return { kind: 'delivered', remote: { encounter, patient: patient.value, resources } };
    },
  };
}

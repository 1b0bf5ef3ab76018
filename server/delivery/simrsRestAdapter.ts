import type * as z from 'zod/mini';
import {
  simrsErrorSchema,
  simrsPatientAnswerSchema,
  simrsPatientSearchAnswerSchema,
  simrsVisitAnswerSchema,
  type SimrsPatientMatch,
} from '@/domain/delivery/simrsContract';
import type { SimrsPatient } from '@/domain/delivery/simrsDocument';
import { err, ok, type Result } from '@/lib/result';
import type { DeliveryOutcome, QueueItem } from './deliveryQueue';
import { refusal, unanswered } from './httpFailure';

export type DeliveryAdapter = {
  /** One attempt at one item. Never throws: every failure is an outcome. */
  deliver: (item: QueueItem) => Promise<DeliveryOutcome>;
};

/** The key the SIMRS uses to run a write once: the same content of the same visit, the same key. */
export const idempotencyKeyOf = (item: Pick<QueueItem, 'itemId' | 'contentHash'>) =>
  `siaga-${item.itemId}-${item.contentHash.slice(0, 32)}`;

/**
 * The SIMRS REST adapter (`docs/simrs-api.md`): `PUT /api/visits/{localId}` with the visit
 * document, a bearer token and an Idempotency-Key. Answers are checked against the contract;
 * an answer that does not fit it is treated as lost, and the same key makes the retry safe.
 */
export function simrsRestAdapter(options: {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}): DeliveryAdapter {
  const send = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    deliver: async (item) => {
      let response: Response;
      try {
        response = await send(`${base}/api/visits/${encodeURIComponent(item.subjectId)}`, {
          method: 'PUT',
          headers: {
            authorization: `Bearer ${options.token}`,
            'content-type': 'application/json',
            'idempotency-key': idempotencyKeyOf(item),
          },
          body: JSON.stringify(item.document),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        return unanswered(error, options.timeoutMs, 'The SIMRS');
      }
      const body: unknown = await response.json().catch(() => undefined);
      if (response.ok) {
        const answer = simrsVisitAnswerSchema.safeParse(body);
        return answer.success
          ? { kind: 'delivered', remote: { visitNumber: answer.data.visitNumber, mrn: answer.data.mrn } }
          : { kind: 'retry', code: 'invalid_answer', message: 'The SIMRS answered outside the contract.' };
      }
      const refused = simrsErrorSchema.safeParse(body);
      const code = refused.success ? refused.data.error.code : `http_${response.status}`;
      const message = refused.success
        ? refused.data.error.message + (refused.data.error.field ? ` (${refused.data.error.field})` : '')
        : `The SIMRS answered HTTP ${response.status}.`;
      return refusal(response, code, message);
    },
  };
}

export type DirectoryFailure = { code: string; message: string };

/** The SIMRS's patients, for deciding who a temporary patient is (issue 7). */
export type PatientDirectory = {
  search: (query: {
    nik?: string;
    birthDate?: string;
  }) => Promise<Result<SimrsPatientMatch[], DirectoryFailure>>;
  create: (patient: SimrsPatient) => Promise<Result<{ mrn: string }, DirectoryFailure>>;
};

/** `POST /api/patients/search` and `POST /api/patients` of the same contract. */
export function simrsPatientDirectory(options: {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}): PatientDirectory {
  const send = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  async function post<S extends z.ZodMiniType>(
    path: string,
    body: unknown,
    schema: S,
    headers: Record<string, string> = {},
  ): Promise<Result<z.output<S>, DirectoryFailure>> {
    let response: Response;
    try {
      response = await send(`${base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch {
      return err({ code: 'simrs_unreachable', message: 'The SIMRS could not be reached.' });
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      const parsed = schema.safeParse(json);
      return parsed.success
        ? ok(parsed.data)
        : err({ code: 'invalid_answer', message: 'The SIMRS answered outside the contract.' });
    }
    const refusal = simrsErrorSchema.safeParse(json);
    return err(
      refusal.success
        ? { code: refusal.data.error.code, message: refusal.data.error.message }
        : { code: `http_${response.status}`, message: `The SIMRS answered HTTP ${response.status}.` },
    );
  }
  return {
    search: async (query) => {
      const answer = await post('/api/patients/search', query, simrsPatientSearchAnswerSchema);
      return answer.ok ? ok(answer.value.patients) : answer;
    },
    create: async (patient) => {
      const answer = await post('/api/patients', { patient }, simrsPatientAnswerSchema, {
        // One SIMRS patient per Siaga patient, however often a person presses the button.
        'idempotency-key': `siaga-patient:${patient.localId}`,
      });
      return answer.ok ? ok({ mrn: answer.value.mrn }) : answer;
    },
  };
}

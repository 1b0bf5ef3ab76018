import { simrsErrorSchema, simrsVisitAnswerSchema } from '@/domain/delivery/simrsContract';
import type { DeliveryOutcome, QueueItem } from './deliveryQueue';

export type DeliveryAdapter = {
  /** One attempt at one item. Never throws: every failure is an outcome. */
  deliver: (item: QueueItem) => Promise<DeliveryOutcome>;
};

/** The key the SIMRS uses to run a write once: the same content of the same visit, the same key. */
export const idempotencyKeyOf = (item: Pick<QueueItem, 'itemId' | 'contentHash'>) =>
  `siaga-${item.itemId}-${item.contentHash.slice(0, 32)}`;

/** Statuses after which the same request may well succeed later. */
const TRANSIENT = new Set([408, 425, 429, 500, 502, 503, 504]);

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 600) * 1000 : undefined;
}

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
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
        return timedOut
          ? { kind: 'retry', code: 'timeout', message: `No answer within ${options.timeoutMs} ms.` }
          : { kind: 'retry', code: 'unreachable', message: 'The SIMRS could not be reached.' };
      }
      const body: unknown = await response.json().catch(() => undefined);
      if (response.ok) {
        const answer = simrsVisitAnswerSchema.safeParse(body);
        return answer.success
          ? { kind: 'delivered', remote: { visitNumber: answer.data.visitNumber, mrn: answer.data.mrn } }
          : { kind: 'retry', code: 'invalid_answer', message: 'The SIMRS answered outside the contract.' };
      }
      const refusal = simrsErrorSchema.safeParse(body);
      const code = refusal.success ? refusal.data.error.code : `http_${response.status}`;
      const message = refusal.success
        ? refusal.data.error.message + (refusal.data.error.field ? ` (${refusal.data.error.field})` : '')
        : `The SIMRS answered HTTP ${response.status}.`;
      if (TRANSIENT.has(response.status)) {
        const after = retryAfterMs(response.headers.get('retry-after'));
        return { kind: 'retry', code, message, ...(after !== undefined ? { retryAfterMs: after } : {}) };
      }
      // A wrong token is the hub's configuration, not the visit: keep the item due while IT fixes it.
      if (response.status === 401 || response.status === 403) return { kind: 'retry', code, message };
      return { kind: 'rejected', code, message };
    },
  };
}

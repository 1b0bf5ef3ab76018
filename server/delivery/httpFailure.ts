import type { DeliveryFailure } from './deliveryQueue';

/** Statuses after which the same request may well succeed later. */
export const TRANSIENT_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 600) * 1000 : undefined;
}

/** A request that got no answer at all: always worth trying again. */
export function unanswered(error: unknown, timeoutMs: number, what: string): DeliveryFailure {
  const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
  return timedOut
    ? { kind: 'retry', code: 'timeout', message: `No answer within ${timeoutMs} ms.` }
    : { kind: 'retry', code: 'unreachable', message: `${what} could not be reached.` };
}

/**
 * What an HTTP refusal means for the item: transient statuses and a refused credential (the
 * hub's configuration, not the visit: it stays due while IT fixes it) are retried; anything else
 * is the target refusing this content, for a person to review.
 */
export function refusal(response: Response, code: string, message: string): DeliveryFailure {
  if (TRANSIENT_STATUSES.has(response.status)) {
    const after = retryAfterMs(response.headers.get('retry-after'));
    return { kind: 'retry', code, message, ...(after !== undefined ? { retryAfterMs: after } : {}) };
  }
  if (response.status === 401 || response.status === 403) return { kind: 'retry', code, message };
  return { kind: 'rejected', code, message };
}

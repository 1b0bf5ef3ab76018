import * as z from 'zod/mini';

/** A 204 answer has no body; anything parses. */
const emptySchema = z.unknown();
import {
  deviceSummarySchema,
  enrollResponseSchema,
  hubErrorSchema,
  pullResponseSchema,
  pushResponseSchema,
  type DeviceSummary,
  type DomainEvent,
  type EnrollRequest,
  type EnrollResponse,
  type PullResponse,
  type PushResponse,
  type SealedEventItem,
  keyReleaseResponseSchema,
  type KeyReleaseResponse,
  usernameCheckResponseSchema,
  type UsernameCheckResponse,
} from '@/domain';
import { deliveryStatusSchema, type DeliveryStatus } from '@/domain/delivery/deliveryStatus';
import type { SealedBox } from '@/lib/crypto/sealedBox';
import { err, ok, type Result } from '@/lib/result';
import { hubEndpoint } from './hubEndpoint';

/** A request to the hub that has not answered in this long is treated as lost and retried. */
export const HUB_REQUEST_TIMEOUT_MS = 30_000;

/**
 * Why a call to the hub failed, classified for what to do next [P15]: `retry` (network, timeout,
 * 408, 429, 5xx — `retryAfterMs` when the hub said), `auth` (401/403: stop and tell the user),
 * `tooLarge` (413: send less), `cursorForeign` (409 on pull: start over), `protocol` (an answer we
 * cannot use: a bug or a foreign server; retried slowly, never acted upon).
 */
export type HubFailure =
  | { kind: 'retry'; reason: 'network' | 'timeout' | 'status'; status?: number; retryAfterMs?: number }
  | { kind: 'auth'; status: number; code: string }
  | { kind: 'tooLarge' }
  | { kind: 'cursorForeign' }
  | { kind: 'enrollment'; status: number; code: string }
  | { kind: 'protocol'; status: number; code?: string };

export type HubCall = { hubUrl: string; appOrigin: string; fetch: typeof fetch; now: () => number };

/** `Retry-After` as seconds or an HTTP date [P15]. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1_000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

type Timed<T> = T & { sentAt: number; receivedAt: number };

async function call<S extends z.ZodMiniType>(
  deps: HubCall,
  path: string,
  init: RequestInit,
  schema: S,
): Promise<Result<Timed<{ body: z.output<S> }>, HubFailure>> {
  const sentAt = deps.now();
  let response: Response;
  try {
    response = await deps.fetch(hubEndpoint(deps.hubUrl, path, deps.appOrigin), {
      ...init,
      cache: 'no-store',
      signal: AbortSignal.timeout(HUB_REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return err({ kind: 'retry', reason: timedOut ? 'timeout' : 'network' });
  }
  const receivedAt = deps.now();
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined; // an empty or non-JSON body: classified by status below
  }
  if (response.ok) {
    const parsed = schema.safeParse(json);
    return parsed.success
      ? ok({ body: parsed.data, sentAt, receivedAt })
      : err({ kind: 'protocol', status: response.status });
  }
  const code = hubErrorSchema.safeParse(json).data?.error.code ?? 'unknown';
  const status = response.status;
  if (status === 401 || status === 403) {
    return err(
      path.endsWith('/enroll') ? { kind: 'enrollment', status, code } : { kind: 'auth', status, code },
    );
  }
  if (status === 409 && path.endsWith('/enroll')) return err({ kind: 'enrollment', status, code });
  if (status === 409 && code === 'cursor_foreign') return err({ kind: 'cursorForeign' });
  if (status === 413) return err({ kind: 'tooLarge' });
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), receivedAt);
    return err({
      kind: 'retry',
      reason: 'status',
      status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }
  return err({ kind: 'protocol', status, code });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function enrollWithHub(deps: HubCall, request: EnrollRequest) {
  return call(
    deps,
    '/api/v1/enroll',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    },
    enrollResponseSchema,
  ) as Promise<Result<Timed<{ body: EnrollResponse }>, HubFailure>>;
}

/** Pushes events, each in the clear or sealed to the hub's key [P5, P20]. */
export function pushToHub(deps: HubCall, token: string, events: readonly (DomainEvent | SealedEventItem)[]) {
  return call(
    deps,
    '/api/v1/events',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ events }),
    },
    pushResponseSchema,
  ) as Promise<Result<Timed<{ body: PushResponse }>, HubFailure>>;
}

export function pullFromHub(deps: HubCall, token: string, cursor: string, limit: number) {
  const query = new URLSearchParams({ after: cursor, limit: String(limit) });
  return call(
    deps,
    `/api/v1/events?${query.toString()}`,
    { headers: bearer(token) },
    pullResponseSchema,
  ) as Promise<Result<Timed<{ body: PullResponse }>, HubFailure>>;
}

/** How many devices the hub has enrolled and how many are in contact [P25]. */
export function deviceSummaryFromHub(deps: HubCall, token: string) {
  return call(deps, '/api/v1/devices/summary', { headers: bearer(token) }, deviceSummarySchema) as Promise<
    Result<Timed<{ body: DeviceSummary }>, HubFailure>
  >;
}

/** How delivery to each SIMRS target stands [P27]. */
export function deliveryStatusFromHub(deps: HubCall, token: string) {
  return call(deps, '/api/v1/delivery', { headers: bearer(token) }, deliveryStatusSchema) as Promise<
    Result<Timed<{ body: DeliveryStatus }>, HubFailure>
  >;
}

/** The recovery console's patient questions to the hub [P28]; patient data only in bodies. */
export function deliveryPostToHub<S extends z.ZodMiniType>(
  deps: HubCall,
  token: string,
  path: `/api/v1/delivery/${'waiting-patients' | 'patient-candidates' | 'patients' | 'reconciliation' | 'worklist'}`,
  body: unknown,
  schema: S,
) {
  return call(
    deps,
    path,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify(body),
    },
    schema,
  );
}

/**
 * IT's calls to the hub's admin endpoints [P23]: with the admin session's token (none to sign in),
 * never the device's. A refused session comes back as `auth` with the hub's code.
 */
export function adminCallToHub<S extends z.ZodMiniType>(
  deps: HubCall,
  adminToken: string | undefined,
  request: { method: 'GET' | 'POST' | 'PUT'; path: `/api/v1/admin/${string}`; body?: unknown },
  schema: S,
) {
  return call(
    deps,
    request.path,
    {
      method: request.method,
      headers: {
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(adminToken ? bearer(adminToken) : {}),
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    },
    schema,
  );
}

/** Leaves the device's data key with the hub, sealed to the hub's key [P22]. */
export function escrowWithHub(deps: HubCall, token: string, sealed: SealedBox) {
  return call(
    deps,
    '/api/v1/device-key',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ sealed }),
    },
    emptySchema,
  ) as Promise<Result<Timed<{ body: unknown }>, HubFailure>>;
}

/** Asks the hub for the data key at a colleague's first sign-in on this device [P22]. */
export function releaseFromHub(
  deps: HubCall,
  token: string,
  request: { username: string; passphrase: string; devicePublicKey: string },
) {
  return call(
    deps,
    '/api/v1/device-key/release',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify(request),
    },
    keyReleaseResponseSchema,
  ) as Promise<Result<Timed<{ body: KeyReleaseResponse }>, HubFailure>>;
}

/** Whether no account of the hospital holds this username yet [P29]. */
export function usernameCheckWithHub(deps: HubCall, token: string, username: string) {
  return call(
    deps,
    '/api/v1/usernames/check',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ username }),
    },
    usernameCheckResponseSchema,
  ) as Promise<Result<Timed<{ body: UsernameCheckResponse }>, HubFailure>>;
}

/** The device clock's offset from the hub's [P13]: hub time minus the request's midpoint. */
export function clockOffsetMs(serverTime: string, sentAt: number, receivedAt: number): number {
  // `|| 0` turns -0 into 0: JSON has no -0, and the event must read the same on the hub.
  return Math.round(Date.parse(serverTime) - (sentAt + receivedAt) / 2) || 0;
}

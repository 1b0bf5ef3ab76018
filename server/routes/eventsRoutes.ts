import type { FastifyInstance } from 'fastify';
import {
  ACTIVE_DEVICE_WINDOW_MINUTES,
  DEFAULT_PULL_LIMIT,
  domainEventSchema,
  formatCursor,
  isPermitted,
  MAX_BATCH_BYTES,
  MAX_BATCH_EVENTS,
  MAX_PULL_LIMIT,
  parseCursor,
  pullWindowStart,
  requiredRight,
  sealedEventAad,
  sealedEventItemSchema,
  type DeviceSummary,
  type DomainEvent,
  type PullResponse,
  type PushResponse,
  type PushResult,
  type RuntimeConfig,
} from '@/domain';
import { fromUtf8 } from '@/lib/crypto/encoding';
import { openSealed } from '@/lib/crypto/sealedBox';
import type { HubDatabase } from '../db/openHubDatabase';
import { countDevices } from '../devices/deviceRegistry';
import { getHubUser, usernameHolder } from '../accounts/userStore';
import { deviceProfileOf } from '../devices/deviceProfiles';
import { eventsAfter, storeEvents, type PullPage } from '../events/eventStore';
import { scopedEventsAfter } from '../events/scopedEventsAfter';
import { entityKindChecker } from '../events/entityKinds';
import { EventRejection, HubError, type EventRejectionCode } from '@/domain/sync/hubRefusals';
import { sendError } from '../httpErrors';
import { deviceAuthenticator } from './deviceAuth';
import { createTrustCheck } from '../events/eventTrust';

const LIMITS = { maxEvents: MAX_BATCH_EVENTS, maxBytes: MAX_BATCH_BYTES };

type Refusal = Omit<Extract<PushResult, { status: 'rejected' }>, 'id' | 'status' | 'code'> & {
  code: EventRejectionCode;
};

/** The actor's role must hold the right the event needs, as on the device [P19]. */
function rightsProblem(event: DomainEvent): Refusal | undefined {
  if (isPermitted(event)) return undefined;
  const { workflow, right } = requiredRight(event);
  return {
    code: EventRejection.Forbidden,
    message: `Role ${event.actor.role} has no ${right} right in ${workflow}.`,
    field: 'actor.role',
  };
}

/** Rules the hub adds to the schema: the poli and doctor must be in its current config [P6]. */
function configProblem(event: DomainEvent, config: RuntimeConfig | undefined): Refusal | undefined {
  if (!config || event.type !== 'visit.registered') return undefined;
  const poli = config.polis.find((candidate) => candidate.code === event.payload.poliCode);
  if (!poli) {
    return {
      code: EventRejection.UnknownPoli,
      message: `Poli ${event.payload.poliCode} is not in the hub's configuration.`,
      field: 'payload.poliCode',
    };
  }
  if (!poli.doctors.some((doctor) => doctor.code === event.payload.doctorCode)) {
    return {
      code: EventRejection.UnknownDoctor,
      message: `Doctor ${event.payload.doctorCode} does not practise in ${poli.name} per the hub's configuration.`,
      field: 'payload.doctorCode',
    };
  }
  return undefined;
}

/**
 * A username already held by another account is refused [P21], also when the holder is an
 * earlier event of the same batch (`claimed`): its row does not exist yet, and two rows with one
 * username would fail the whole batch's transaction.
 */
function accountProblem(
  db: HubDatabase,
  event: DomainEvent,
  claimed: Map<string, string>,
): Refusal | undefined {
  if (event.type !== 'user.created') return undefined;
  const holder = usernameHolder(db, event.payload.username) ?? claimed.get(event.payload.username);
  if (!holder || holder === event.entityId) return undefined;
  return {
    code: EventRejection.UsernameTaken,
    message: `The username ${event.payload.username} belongs to another account.`,
    field: 'payload.username',
  };
}

/**
 * Starting or pausing delivery [P27] sends patient data out of the hospital's hands: only from a
 * signed-in device (full token), by an active account the hub knows with that very role.
 */
function deliveryAuthorityProblem(
  db: HubDatabase,
  event: DomainEvent,
  fullToken: boolean,
): Refusal | undefined {
  if (!event.type.startsWith('delivery.')) return undefined;
  const known = getHubUser(db, event.actor.userId);
  if (fullToken && known?.active && known.role === event.actor.role) return undefined;
  return {
    code: EventRejection.DeliveryAuthority,
    message: 'Delivery is started or paused only by a signed-in recovery account the hub knows.',
    field: 'actor',
  };
}

/**
 * An item as sent: an event in the clear, or `{id, sealed}` sealed to this hub's key [P20],
 * opened here and then checked like any other.
 */
async function openItem(
  item: unknown,
  sealingKey: CryptoKey,
): Promise<{ ok: true; value: unknown } | { ok: false; refusal: Refusal }> {
  if (!item || typeof item !== 'object' || !('sealed' in item)) return { ok: true, value: item };
  const parsed = sealedEventItemSchema.safeParse(item);
  if (!parsed.success)
    return {
      ok: false,
      refusal: {
        code: EventRejection.InvalidEvent,
        message: 'A sealed item needs {id, sealed: {epk, iv, ct}}.',
      },
    };
  try {
    const bytes = await openSealed(sealingKey, parsed.data.sealed, sealedEventAad(parsed.data.id));
    const event = JSON.parse(fromUtf8(bytes)) as { id?: unknown };
    if (event.id !== parsed.data.id)
      return {
        ok: false,
        refusal: {
          code: EventRejection.InvalidEvent,
          message: 'The sealed event has another id than its item.',
        },
      };
    return { ok: true, value: event };
  } catch {
    return {
      ok: false,
      refusal: {
        code: EventRejection.Unreadable,
        message: "The sealed event does not open with this hub's key (sealed for another hub store?).",
      },
    };
  }
}

function idOf(item: unknown): string | null {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}

export function registerEventsRoutes(
  app: FastifyInstance,
  deps: {
    db: HubDatabase;
    hubId: string;
    now: () => Date;
    config: () => RuntimeConfig | undefined;
    sealingKey: CryptoKey;
  },
): void {
  const authenticate = deviceAuthenticator(deps);

  app.post(
    '/api/v1/events',
    {
      bodyLimit: MAX_BATCH_BYTES,
      preHandler: authenticate,
      errorHandler: (error: Error & { code?: string; statusCode?: number }, request, reply) => {
        if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
          void reply.status(413).send({
            error: {
              code: HubError.BatchTooLarge,
              message: `A batch may hold at most ${MAX_BATCH_BYTES} bytes.`,
            },
            limits: LIMITS,
          });
          return;
        }
        const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
        if (status === 500) request.log.error({ err: error }, 'push failed');
        void sendError(
          reply,
          status,
          status === 500 ? 'internal' : 'invalid_request',
          status === 500 ? 'The hub could not store the batch.' : 'The batch is not valid JSON.',
        );
      },
    },
    async (request, reply) => {
      const items = (request.body as { events?: unknown } | null)?.events;
      if (!Array.isArray(items))
        return sendError(reply, 400, 'invalid_request', 'Expected {"events": [...]}.');
      if (items.length > MAX_BATCH_EVENTS) {
        return reply.status(413).send({
          error: {
            code: HubError.BatchTooLarge,
            message: `A batch may hold at most ${MAX_BATCH_EVENTS} events.`,
          },
          limits: LIMITS,
        });
      }
      const config = deps.config();
      const results: (PushResult | undefined)[] = Array.from({ length: items.length }, () => undefined);
      const valid: { index: number; event: DomainEvent }[] = [];
      const claimedUsernames = new Map<string, string>();
      const entityKinds = entityKindChecker(deps.db);
      const opened = await Promise.all(items.map((item) => openItem(item, deps.sealingKey)));
      const trust = createTrustCheck(deps.db, {
        deviceId: request.device!.deviceId,
        fullToken: request.tokenScope === 'full',
      });
      const parsedItems = opened.map((outcome) =>
        outcome.ok ? domainEventSchema.safeParse(outcome.value) : undefined,
      );
      trust.warm(parsedItems.flatMap((parsed) => (parsed?.success ? [parsed.data] : [])));
      // In order: an account or key an earlier event of the batch brings counts for the later ones.
      for (const [index, outcome] of opened.entries()) {
        if (!outcome.ok) {
          results[index] = { id: idOf(items[index]), status: 'rejected', ...outcome.refusal };
          continue;
        }
        const parsed = parsedItems[index]!;
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const field = issue?.path.join('.') ?? '';
          results[index] = {
            id: idOf(outcome.value),
            status: 'rejected',
            code: EventRejection.InvalidEvent,
            message: `Invalid value at ${field || 'the event'}${issue ? ` (${issue.message})` : ''}.`,
            ...(field ? { field } : {}),
          };
          continue;
        }
        const problem =
          (await trust.check(parsed.data)) ??
          rightsProblem(parsed.data) ??
          configProblem(parsed.data, config) ??
          accountProblem(deps.db, parsed.data, claimedUsernames) ??
          deliveryAuthorityProblem(deps.db, parsed.data, request.tokenScope === 'full') ??
          entityKinds.problem(parsed.data);
        if (problem) {
          results[index] = { id: parsed.data.id, status: 'rejected', ...problem };
          continue;
        }
        if (parsed.data.type === 'user.created')
          claimedUsernames.set(parsed.data.payload.username, parsed.data.entityId);
        trust.accepted(parsed.data);
        entityKinds.seen(parsed.data);
        valid.push({ index, event: parsed.data });
      }
      const outcomes = storeEvents(
        deps.db,
        valid.map(({ event }) => event),
        request.device!.deviceId,
        deps.now(),
      );
      valid.forEach(({ index, event }, position) => {
        results[index] = { id: event.id, status: outcomes[position]! };
      });
      const body: PushResponse = { results: results as PushResult[], serverTime: deps.now().toISOString() };
      return reply.header('cache-control', 'no-store').send(body);
    },
  );

  // Devices ask every few seconds: log only problems.
  app.get('/api/v1/events', { preHandler: authenticate, logLevel: 'warn' }, async (request, reply) => {
    if (request.tokenScope !== 'full')
      return sendError(
        reply,
        403,
        'push_only_token',
        'This token may only send events; pulling needs the device token.',
      );
    const query = request.query as { after?: string; limit?: string };
    // A whole number: SQLite refuses `LIMIT 1.5` (datatype mismatch), which answered 500.
    const limit = Math.min(
      MAX_PULL_LIMIT,
      Math.max(1, Math.trunc(Number(query.limit ?? DEFAULT_PULL_LIMIT)) || DEFAULT_PULL_LIMIT),
    );
    // The profile is the hub's record of the device [P45]: nothing in the request widens it.
    const deviceId = request.device!.deviceId;
    const { profile, version } = deviceProfileOf(deps.db, deviceId)!;
    let afterSeq = 0;
    if (query.after) {
      const cursor = parseCursor(query.after);
      if (!cursor) return sendError(reply, 400, 'cursor_invalid', 'The cursor is not one this hub gave out.');
      if (cursor.hubId !== deps.hubId) {
        return sendError(
          reply,
          409,
          'cursor_foreign',
          'The cursor belongs to another hub store: start again from the beginning.',
        );
      }
      // The device skipped, under its old profile, events the new one may need [P47].
      if (cursor.profileVersion !== version) {
        return sendError(
          reply,
          409,
          'cursor_foreign',
          "IT changed this device's profile since the cursor was given: start again from the beginning.",
        );
      }
      afterSeq = cursor.seq;
    }
    const page: PullPage =
      profile.kind === 'full'
        ? eventsAfter(deps.db, afterSeq, limit, deviceId)
        : scopedEventsAfter(deps.db, {
            afterSeq,
            limit,
            forDevice: deviceId,
            profile,
            since: pullWindowStart(deps.now(), deps.config()),
          });
    const body: PullResponse = {
      events: page.events,
      cursor: formatCursor(deps.hubId, page.lastSeq, version),
      more: page.more,
      serverTime: deps.now().toISOString(),
    };
    return reply.header('cache-control', 'no-store').send(body);
  });

  // The SOP's first step, "do other computers have the same problem?": how many devices are about.
  app.get(
    '/api/v1/devices/summary',
    { preHandler: authenticate, logLevel: 'warn' },
    async (request, reply) => {
      if (request.tokenScope !== 'full')
        return sendError(reply, 403, 'push_only_token', 'This token may only send events.');
      const now = deps.now();
      const counts = countDevices(deps.db, new Date(now.getTime() - ACTIVE_DEVICE_WINDOW_MINUTES * 60_000));
      const body: DeviceSummary = {
        ...counts,
        activeWindowMinutes: ACTIVE_DEVICE_WINDOW_MINUTES,
        serverTime: now.toISOString(),
      };
      return reply.header('cache-control', 'no-store').send(body);
    },
  );
}

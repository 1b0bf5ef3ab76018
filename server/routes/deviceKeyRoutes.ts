import type { FastifyInstance } from 'fastify';
import { escrowAad, releaseAad, sealedBoxSchema, usernameSchema } from '@/domain';
import { DATA_KEY_BYTES } from '@/lib/crypto/dataKeys';
import { wipe } from '@/lib/crypto/encoding';
import { importPublicKey, openSealed, sealTo, type SealedBox } from '@/lib/crypto/sealedBox';
import * as z from 'zod/mini';
import { signingKeyBoxOf, verifyPassphrase } from '../accounts/userStore';
import type { HubDatabase } from '../db/openHubDatabase';
import { deviceForToken, noteDeviceContact, type TokenScope } from '../devices/deviceRegistry';
import { sendError } from '../httpErrors';
import type { HubSealingKey } from '../keys/sealingKey';
import { sendTooManyAttempts, type AttemptLimiter } from '../security/rateLimit';

const escrowSchema = z.strictObject({ sealed: sealedBoxSchema });
const releaseSchema = z.strictObject({
  username: usernameSchema,
  passphrase: z.string().check(z.minLength(1), z.maxLength(1024)),
  /** A one-time key of the device: the data key travels sealed to it, never in the clear. */
  devicePublicKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{80,100}$/)),
});

/**
 * Key escrow [P22]. A device keeps its data key wrapped by each user's passphrase, so someone who
 * has never signed in there has no wrapped copy. The device therefore leaves a copy sealed to the
 * hub's key; at a colleague's first sign-in the hub checks the passphrase against the account and
 * re-seals the key to the device. Storing needs the device's full token; a release, any token of the device.
 */
export function registerDeviceKeyRoutes(
  app: FastifyInstance,
  deps: { db: HubDatabase; sealing: HubSealingKey; now: () => Date; attempts: AttemptLimiter },
): void {
  const enrolled = (authorization: string | undefined, scopes: readonly TokenScope[]) => {
    const check = deviceForToken(deps.db, authorization);
    if (!check.ok || !scopes.includes(check.scope)) return undefined;
    noteDeviceContact(deps.db, check.device.deviceId, deps.now());
    return check.device;
  };

  app.post('/api/v1/device-key', { bodyLimit: 4 * 1024 }, async (request, reply) => {
    const device = enrolled(request.headers.authorization, ['full']);
    if (!device)
      return sendError(reply, 401, 'token_invalid', 'This needs the device token of an enrolled device.');
    const parsed = escrowSchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, 400, 'invalid_request', 'Expected {sealed: {epk, iv, ct}}.');
    // Open it once to be sure it is a data key sealed to this hub, not something unreadable later.
    const key = await openSealed(
      deps.sealing.privateKey,
      parsed.data.sealed,
      escrowAad(device.deviceId),
    ).catch(() => undefined);
    if (key?.length !== DATA_KEY_BYTES)
      return sendError(reply, 400, 'key_unreadable', "The key is not sealed to this hub's key.");
    wipe(key);
    deps.db
      .prepare(
        `INSERT INTO device_keys (device_id, sealed, stored_at) VALUES (?, ?, ?)
         ON CONFLICT (device_id) DO UPDATE SET sealed = excluded.sealed, stored_at = excluded.stored_at`,
      )
      .run(device.deviceId, JSON.stringify(parsed.data.sealed), deps.now().toISOString());
    return reply.status(204).header('cache-control', 'no-store').send();
  });

  app.post('/api/v1/device-key/release', { bodyLimit: 4 * 1024 }, async (request, reply) => {
    // The push token suffices (the device may be locked): the passphrase is the real gate.
    const device = enrolled(request.headers.authorization, ['full', 'push']);
    if (!device)
      return sendError(reply, 401, 'token_invalid', 'This needs the device token of an enrolled device.');
    const parsed = releaseSchema.safeParse(request.body);
    if (!parsed.success)
      return sendError(reply, 400, 'invalid_request', 'Expected {username, passphrase, devicePublicKey}.');
    // Guesses are limited per account (wherever they come from) and per device, counted from
    // before the slow passphrase check [P40].
    const attempt = deps.attempts.reserve([`user:${parsed.data.username}`, `device:${device.deviceId}`]);
    if (!attempt.allowed) return sendTooManyAttempts(reply, attempt.retryAfterSeconds);
    const user = await verifyPassphrase(deps.db, parsed.data.username, parsed.data.passphrase).catch(
      (error: unknown) => {
        attempt.fail();
        throw error;
      },
    );
    if (!user) {
      attempt.fail();
      return sendError(
        reply,
        401,
        'sign_in_failed',
        'The username or passphrase is wrong, or the account is inactive.',
      );
    }
    attempt.succeed();
    const stored = deps.db
      .prepare<[string], { sealed: string }>('SELECT sealed FROM device_keys WHERE device_id = ?')
      .get(device.deviceId);
    if (!stored)
      return sendError(reply, 404, 'key_not_escrowed', 'This device has not left its key with the hub yet.');
    const key = await openSealed(
      deps.sealing.privateKey,
      JSON.parse(stored.sealed) as SealedBox,
      escrowAad(device.deviceId),
    );
    const sealed = await sealTo(
      await importPublicKey(parsed.data.devicePublicKey),
      key,
      releaseAad(device.deviceId, user.userId),
    );
    wipe(key);
    request.log.info(
      { deviceCode: device.deviceCode, userId: user.userId },
      'data key released for a first sign-in',
    );
    const signing = signingKeyBoxOf(deps.db, user.userId);
    return reply.header('cache-control', 'no-store').send({ user, sealed, ...(signing ? { signing } : {}) });
  });
}

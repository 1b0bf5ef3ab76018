import { sealedEventAad, type DomainEvent, type PassphraseVerifier, type Role } from '@/domain';
import { utf8 } from '@/lib/crypto/encoding';
import { derivePassphraseSecrets, newKdf } from '@/lib/crypto/passphrase';
import { importPublicKey, sealTo, type SealedBox } from '@/lib/crypto/sealedBox';
import { uuidv7 } from '@/lib/ids';
import { eventAt } from '../domain/eventFactory';
import { TEST_ENROLLMENT_CODE, type TestHub } from './hubTestServer';

/** Requests a device or IT makes to a test hub, answered as status + parsed JSON body. */
export type Answer<T = unknown> = { status: number; headers: Headers; body: T };
export type ErrorBody = { error: { code: string; message: string } };

export async function call<T = unknown>(
  hub: TestHub,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<Answer<T>> {
  const response = await fetch(`${hub.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token === undefined ? {} : { authorization: `Bearer ${init.token}` }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T };
}

export type EnrolledTestDevice = {
  deviceId: string;
  deviceCode: string;
  token: string;
  pushToken: string;
  hubPublicKey: string;
};

export async function enrollTestDevice(
  hub: TestHub,
  deviceCode: string,
  code = TEST_ENROLLMENT_CODE,
): Promise<EnrolledTestDevice> {
  const deviceId = uuidv7();
  const answer = await call<EnrolledTestDevice>(hub, '/api/v1/enroll', {
    body: { code, deviceId, deviceCode },
  });
  if (answer.status !== 201) throw new Error(`enrollment failed: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export type PushAnswer = {
  results: { id: string | null; status: string; code?: string; field?: string }[];
};

export const push = (hub: TestHub, token: string, events: unknown[]) =>
  call<PushAnswer>(hub, '/api/v1/events', { token, body: { events } });

/** The item a locked device sends [P20]: the event sealed to the hub's public key. */
export async function sealedItem(
  hubPublicKey: string,
  event: DomainEvent,
  options: { aadId?: string; itemId?: string } = {},
): Promise<{ id: string; sealed: SealedBox }> {
  const sealed = await sealTo(
    await importPublicKey(hubPublicKey),
    utf8(JSON.stringify(event)),
    sealedEventAad(options.aadId ?? event.id),
  );
  return { id: options.itemId ?? event.id, sealed };
}

/** What the device sends the hub about a passphrase: KDF parameters and verifier, never the passphrase. */
export async function credentialsFor(passphrase: string): Promise<PassphraseVerifier> {
  const kdf = newKdf();
  const { verifier } = await derivePassphraseSecrets(passphrase, kdf);
  return { kdf, verifier };
}

export type TestAccount = { userId: string; username: string; passphrase: string; role: Role };

/** A `user.created` event, made by an admin as on a device. */
export async function userCreated(account: TestAccount, displayName = 'Petugas Uji'): Promise<DomainEvent> {
  return eventAt('user.created', account.userId, '07:00', {
    username: account.username,
    displayName,
    role: account.role,
    credentials: await credentialsFor(account.passphrase),
  });
}

export function testAccount(username: string, role: Role): TestAccount {
  return { userId: uuidv7(), username, passphrase: `${username} minum kopi tubruk pagi ini`, role };
}

/**
 * Test events (`eventAt`) are made by the test actor `u1`. The hub accepts account events only
 * from an admin it knows [P24]; on a real hub that admin arrives as a device's bootstrap account.
 */
export function knowTestAdmin(hub: TestHub): void {
  hub.db
    .prepare(
      `INSERT INTO users (user_id, username, display_name, role, active, credentials, updated_at)
       VALUES ('u1', 'it-uji', 'IT Uji', 'admin', 1, '{}', '2026-11-22T00:00:00.000Z')
       ON CONFLICT (user_id) DO NOTHING`,
    )
    .run();
}

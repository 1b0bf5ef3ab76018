import {
  credentialsDigest,
  sealedEventAad,
  signingBytes,
  type DomainEvent,
  type PassphraseVerifier,
  type Role,
} from '@/domain';
import { signBytes } from '@/lib/crypto/signing';
import { newPersonKey } from '@/session/signingKeys';
import type { Signer } from '@/storage';
import { utf8 } from '@/lib/crypto/encoding';
import { derivePassphraseSecrets, newKdf } from '@/lib/crypto/passphrase';
import { importPublicKey, sealTo, type SealedBox } from '@/lib/crypto/sealedBox';
import { uuidv7 } from '@/lib/ids';
import { eventAt } from '../domain/eventFactory';
import { TEST_ENROLLMENT_CODE, type TestHub } from './hubTestServer';
import { signedByNamedPerson } from '../testAccounts';

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

/** Events sent as a device sends them: each signed by the test person it names (`testAccounts`). */
export const push = async (hub: TestHub, token: string, events: unknown[]) =>
  call<PushAnswer>(hub, '/api/v1/events', {
    token,
    body: { events: await Promise.all(events.map((event) => signedByNamedPerson(event))) },
  });

/** The item a locked device sends [P20]: the event sealed to the hub's public key. */
export async function sealedItem(
  hubPublicKey: string,
  event: DomainEvent,
  options: { aadId?: string; itemId?: string } = {},
): Promise<{ id: string; sealed: SealedBox }> {
  const sealed = await sealTo(
    await importPublicKey(hubPublicKey),
    utf8(JSON.stringify(await signedByNamedPerson(event))),
    sealedEventAad(options.aadId ?? event.id),
  );
  return { id: options.itemId ?? event.id, sealed };
}

/**
 * What a device sends the hub about a new passphrase: KDF parameters, verifier and a new signing
 * key, its private half under the passphrase's wrapping key (never the passphrase) [P34].
 */
export async function accountSecrets(userId: string, passphrase: string) {
  const kdf = newKdf();
  const derived = await derivePassphraseSecrets(passphrase, kdf);
  const person = await newPersonKey(derived, kdf, userId);
  const credentials: PassphraseVerifier = {
    kdf,
    verifier: derived.verifier,
    signingKeyBox: { iv: person.box.iv, ct: person.box.ct },
  };
  return {
    payload: {
      signingKey: person.publicKey,
      credentials,
      credentialsDigest: await credentialsDigest(credentials),
    },
    signer: person.signer,
  };
}

export type TestAccount = {
  userId: string;
  username: string;
  passphrase: string;
  role: Role;
  /** Set once `userCreated` has made its key: what that person signs with. */
  signer?: Signer;
};

/** A `user.created` event, made by the test admin as on a device; the account keeps its new key. */
export async function userCreated(account: TestAccount, displayName = 'Petugas Uji'): Promise<DomainEvent> {
  const secrets = await accountSecrets(account.userId, account.passphrase);
  account.signer = secrets.signer;
  return eventAt('user.created', account.userId, '07:00', {
    username: account.username,
    displayName,
    role: account.role,
    ...secrets.payload,
  });
}

export function testAccount(username: string, role: Role): TestAccount {
  return { userId: uuidv7(), username, passphrase: `${username} minum kopi tubruk pagi ini`, role };
}

/** An event as `account` would sign it on their device (their key from `userCreated`). */
export async function signedBy(account: TestAccount, event: DomainEvent): Promise<DomainEvent> {
  if (!account.signer) throw new Error(`${account.username} has no key yet: make the account first`);
  const { signature: _old, ...unsigned } = event;
  const value = await signBytes(account.signer.privateKey, signingBytes(unsigned));
  return { ...unsigned, signature: { keyId: account.signer.keyId, value } };
}

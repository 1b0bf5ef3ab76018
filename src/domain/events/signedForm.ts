import { canonicalJson } from '@/lib/canonicalJson';
import { utf8 } from '@/lib/crypto/encoding';
import type { DomainEvent } from './domainEvent';

/** Account events whose payload may carry the account's secrets on the way to the hub [P34]. */
const CARRIES_SECRETS: ReadonlySet<DomainEvent['type']> = new Set(['user.created', 'user.passphrase_set']);

/**
 * What the hub stores and every device receives: the event without the account's secrets
 * (passphrase verifier, salt, wrapped signing key), which only the hub keeps [P34]. The payload's
 * `credentialsDigest` stays, so the signatures still cover the secrets. (An account event from
 * before signing has no digest and is left as it was stored.)
 */
export function withoutSecrets(event: DomainEvent): DomainEvent {
  if (!CARRIES_SECRETS.has(event.type)) return event;
  if (!('credentials' in event.payload) || !('credentialsDigest' in event.payload)) return event;
  const { credentials: _secret, ...payload } = event.payload as { credentials?: unknown };
  return { ...event, payload } as DomainEvent;
}

/** The bytes a person's and a device's signatures cover [P32]: canonical JSON, no signatures, no secrets. */
export function signingBytes(event: DomainEvent): Uint8Array<ArrayBuffer> {
  const { signature: _person, deviceSignature: _device, ...unsigned } = withoutSecrets(event);
  return utf8(canonicalJson(unsigned));
}

import { sealedEventAad, type DomainEvent } from '@/domain';
import { utf8 } from '@/lib/crypto/encoding';
import { importPublicKey, sealTo, type SealedBox } from '@/lib/crypto/sealedBox';
import type { SiagaDb } from './db';
import { loadHubCredentials } from './syncStore';

let cached: { raw: string; key: Promise<CryptoKey> } | undefined;

/** The hub's sealing key from enrollment, or undefined before the device is enrolled. */
export async function hubSealingKey(db: SiagaDb): Promise<CryptoKey | undefined> {
  const raw = (await loadHubCredentials(db))?.hubPublicKey;
  if (!raw) return undefined;
  if (cached?.raw !== raw) cached = { raw, key: importPublicKey(raw) };
  return cached.key;
}

/** The event sealed to the hub, so it can be sent while the device is locked [P20]. */
export function sealEvent(hubKey: CryptoKey, event: DomainEvent): Promise<SealedBox> {
  return sealTo(hubKey, utf8(JSON.stringify(event)), sealedEventAad(event.id));
}

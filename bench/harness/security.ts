/**
 * The security bench's half of the harness (bench/security.bench.ts): the real session (sign-in,
 * lock, PIN resume) and the real capture command on real IndexedDB, with the plain codec or the
 * encrypted one the session installs, sealed to the bench hub's key or not.
 */
import type { RegistrationInput } from '@/domain';
import { importDataKeys } from '@/lib/crypto/dataKeys';
import { utf8 } from '@/lib/crypto/encoding';
import { openWithPassphrase } from '@/lib/crypto/passphrase';
import { createSession, lazyAccountActions, type Session } from '@/session';
import {
  currentActor,
  findUserByUsername,
  getCodec,
  loadDeviceIdentity,
  loadKeyring,
  plainCodec,
  registerVisit,
  saveDeviceIdentity,
  saveRuntimeConfig,
  setCodec,
  setCurrentActor,
  SiagaDb,
  wrapAad,
  type StorageCodec,
} from '@/storage';
import { enrollDevice } from '@/sync';
import { DEMO_CONFIG } from '../../server/demoConfig';

const ADMIN = { username: 'it.bench', passphrase: 'lampu hijau di ruang server' };
const CLERK = { username: 'petugas.bench', passphrase: 'antrean pagi poli anak ramai' };
const PIN = '274915';

/** A device set up as IT does it, with a registration clerk signed in (and a PIN). */
async function securedDevice(deviceCode: string) {
  const db = new SiagaDb(`siaga-bench-security-${deviceCode}-${Date.now()}`);
  await saveRuntimeConfig(db, DEMO_CONFIG, new Date());
  const session = createSession({ db });
  await session.start();
  const admin = await session.setUpDevice({ deviceCode, displayName: 'IT Bench', ...ADMIN });
  if (!admin.ok) throw new Error(`setUpDevice: ${admin.error}`);
  const created = await lazyAccountActions(db, session).createUser({
    displayName: 'Petugas Bench',
    role: 'registration',
    ...CLERK,
  });
  if (!created.ok) throw new Error(`createUser: ${JSON.stringify(created.error)}`);
  await session.signOut();
  const signedIn = await session.signIn(CLERK.username, CLERK.passphrase);
  if (!signedIn.ok) throw new Error(`signIn: ${JSON.stringify(signedIn.error)}`);
  const pin = await session.setPin(PIN);
  if (!pin.ok) throw new Error(`setPin: ${pin.error}`);
  return { db, session };
}

/** Milliseconds until the session shows screens (`unlocked`) and until the call resolves. */
async function timeUnlock(
  session: Session,
  action: () => Promise<{ ok: boolean }>,
): Promise<{ shown: number; done: number }> {
  let shownAt: number | undefined;
  const stop = session.store.subscribe((state) => {
    if (state.status === 'unlocked') shownAt ??= performance.now();
  });
  const started = performance.now();
  const result = await action();
  const done = performance.now() - started;
  stop();
  if (!result.ok || shownAt === undefined) throw new Error(`unlock failed: ${JSON.stringify(result)}`);
  return { shown: shownAt - started, done };
}

/** Plain WebCrypto: import the passphrase, PBKDF2-SHA256 `iterations` to 256 bits. Nothing else. */
async function pbkdf2Only(passphrase: string, iterations: number): Promise<number> {
  const started = performance.now();
  const base = await crypto.subtle.importKey('raw', utf8(passphrase), 'PBKDF2', false, ['deriveBits']);
  await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: crypto.getRandomValues(new Uint8Array(16)), iterations },
    base,
    256,
  );
  return performance.now() - started;
}

function registration(index: number): RegistrationInput {
  const poli = DEMO_CONFIG.polis[index % DEMO_CONFIG.polis.length]!;
  return {
    patient: {
      identity: {
        kind: 'new',
        name: `Pasien Aman ${index}`,
        birthDate: `19${String(50 + (index % 50)).padStart(2, '0')}-0${1 + (index % 9)}-1${index % 10}`,
        sex: index % 2 ? 'L' : 'P',
        identityVerifiedBy: 'ktp',
      },
    },
    poliCode: poli.code,
    doctorCode: poli.doctors[0]!.code,
    payer: { type: 'umum' },
    source: 'direct',
    registeredAt: { mode: 'now' },
  };
}

export type UnlockSamples = {
  pbkdf2: number[];
  pbkdf2Pin: number[];
  unwrap: number[];
  signInShown: number[];
  signInDone: number[];
  pinShown: number[];
  pinDone: number[];
};

export type SaveSamples = {
  plain: number[];
  encrypted: number[];
  sealed: number[];
  /** What the journal holds afterwards, per configuration: proof of what was measured. */
  stored: Record<'plain' | 'encrypted' | 'sealed', { rows: number; codecs: string[]; sealed: number }>;
};

export const securityApi = {
  /**
   * `runs` rounds (after one warm-up round), each: PBKDF2 600k alone; PBKDF2 100k alone (the
   * PIN's); the passphrase path alone (derive + HKDF + unwrap + import the data keys); a full
   * `session.signIn` after `signOut`; a `resumeWithPin` after `lock`.
   */
  async unlockTimes(runs: number): Promise<UnlockSamples> {
    const { db, session } = await securedDevice('SN1');
    const [keyring, device, clerk] = await Promise.all([
      loadKeyring(db),
      loadDeviceIdentity(db),
      findUserByUsername(db, CLERK.username),
    ]);
    const wrap = keyring!.wraps[clerk!.id]!;
    const samples: UnlockSamples = {
      pbkdf2: [],
      pbkdf2Pin: [],
      unwrap: [],
      signInShown: [],
      signInDone: [],
      pinShown: [],
      pinDone: [],
    };
    for (let round = 0; round <= runs; round += 1) {
      const warmUp = round === 0;
      const pbkdf2 = await pbkdf2Only(CLERK.passphrase, wrap.kdf.iterations);
      const pbkdf2Pin = await pbkdf2Only(PIN, keyring!.pins[clerk!.id]!.kdf.iterations);

      const started = performance.now();
      const raw = await openWithPassphrase(
        wrap,
        CLERK.passphrase,
        wrapAad(device!.deviceId, clerk!.id, keyring!.keyVersion),
      );
      await importDataKeys(raw, keyring!.keyVersion);
      const unwrap = performance.now() - started;

      await session.signOut();
      const signIn = await timeUnlock(session, () => session.signIn(CLERK.username, CLERK.passphrase));
      await session.lock('manual');
      const pin = await timeUnlock(session, () => session.resumeWithPin(PIN));
      if (warmUp) continue;
      samples.pbkdf2.push(pbkdf2);
      samples.pbkdf2Pin.push(pbkdf2Pin);
      samples.unwrap.push(unwrap);
      samples.signInShown.push(signIn.shown);
      samples.signInDone.push(signIn.done);
      samples.pinShown.push(pin.shown);
      samples.pinDone.push(pin.done);
    }
    await session.signOut();
    setCodec(plainCodec);
    await db.delete();
    return samples;
  },

  /**
   * `saves` registrations (a new patient + a visit: 2 events, with their rows and ticket) on each
   * of three devices, taken in turn (one save on each, then the next) so that drift on the machine
   * hits all three alike; each duration is `registerVisit` called → resolved, i.e. the strict IndexedDB transaction committed.
   * plain: `plainCodec`, not enrolled. encrypted: a signed-in clerk's codec, not enrolled.
   * sealed: a signed-in clerk's codec on a device enrolled with the hub, so every event is also
   * sealed to the hub's key. `warmUp` saves on each first, not counted.
   */
  async saveTimes(saves: number, warmUp: number, enrollmentCode: string): Promise<SaveSamples> {
    const plainDb = new SiagaDb(`siaga-bench-security-plain-${Date.now()}`);
    await saveRuntimeConfig(plainDb, DEMO_CONFIG, new Date());
    await saveDeviceIdentity(plainDb, 'PL1');
    setCurrentActor({ userId: 'bench', name: 'Petugas Bench', role: 'registration' }, plainDb);

    const devices: { name: 'plain' | 'encrypted' | 'sealed'; db: SiagaDb; codec: StorageCodec }[] = [
      { name: 'plain', db: plainDb, codec: plainCodec },
    ];
    for (const [name, code] of [
      ['encrypted', 'EN1'],
      ['sealed', 'SE1'],
    ] as const) {
      const { db } = await securedDevice(code);
      // The codec and actor the session installed for this clerk, kept for the turns below.
      const codec = getCodec();
      setCurrentActor(currentActor(), db);
      if (name === 'sealed') {
        const enrolled = await enrollDevice(db, enrollmentCode, {
          hubUrl: '/',
          appOrigin: location.origin,
          fetch: (input, init) => fetch(input, init),
        });
        if (!enrolled.ok) throw new Error(`enroll: ${enrolled.error}`);
      }
      devices.push({ name, db, codec });
    }

    const samples: SaveSamples = {
      plain: [],
      encrypted: [],
      sealed: [],
      stored: {} as SaveSamples['stored'],
    };
    for (let index = 0; index < warmUp + saves; index += 1) {
      for (const { name, db, codec } of devices) {
        setCodec(codec);
        const started = performance.now();
        const result = await registerVisit(db, registration(index));
        const elapsed = performance.now() - started;
        if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
        if (index >= warmUp) samples[name].push(elapsed);
      }
    }
    for (const { name, db } of devices) {
      const rows = await db.journal.toArray();
      samples.stored[name] = {
        rows: rows.length,
        codecs: [...new Set(rows.map((row) => row.event?.codec ?? 'none'))],
        sealed: rows.filter((row) => row.sealed).length,
      };
      await db.delete();
    }
    setCodec(plainCodec);
    return samples;
  },
};

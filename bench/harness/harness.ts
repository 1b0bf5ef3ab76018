/**
 * Runs inside Chromium on the app's own origin (built only for `npm run bench`), so the numbers
 * are those of the real storage code on the real IndexedDB.
 */
import {
  planRegistration,
  type CaptureContext,
  type DomainEvent,
  type NewPatientIdentity,
  type RegistrationInput,
} from '@/domain';
import { uuidv7 } from '@/lib/ids';
import {
  appendEvents,
  counterLookup,
  getDb,
  loadCaptureContext,
  registerVisit,
  saveDeviceSetup,
  saveRuntimeConfig,
  SiagaDb,
} from '@/storage';
import { DEMO_CONFIG } from '../../server/demoConfig';

function identity(index: number): NewPatientIdentity {
  return {
    kind: 'new',
    name: `Pasien Uji ${index}`,
    birthDate: `19${String(50 + (index % 50)).padStart(2, '0')}-0${1 + (index % 9)}-1${index % 10}`,
    sex: index % 2 ? 'L' : 'P',
    identityVerifiedBy: 'ktp',
  };
}

function input(index: number): RegistrationInput {
  const poli = DEMO_CONFIG.polis[index % DEMO_CONFIG.polis.length]!;
  return {
    patient: { identity: identity(index) },
    poliCode: poli.code,
    doctorCode: poli.doctors[0]!.code,
    payer: { type: 'umum' },
    source: 'direct',
    registeredAt: { mode: 'now' },
  };
}

async function setUp(db: SiagaDb, deviceCode: string): Promise<void> {
  await saveRuntimeConfig(db, DEMO_CONFIG, new Date());
  await saveDeviceSetup(db, { deviceCode, userName: 'Bench', role: 'registration' });
}

const api = {
  /** Sets up the app's own database (the one the screens read). */
  setUpAppDb: () => setUp(getDb(), 'PD1'),

  /** `count` registrations one after another; each duration is submit → transaction committed. */
  async registerSequentially(count: number, durability: 'strict' | 'relaxed'): Promise<number[]> {
    const db = new SiagaDb(`siaga-bench-${durability}-${Date.now()}`, { durability });
    await setUp(db, 'PD9');
    const durations: number[] = [];
    for (let index = 0; index < count; index += 1) {
      const started = performance.now();
      const result = await registerVisit(db, input(index));
      durations.push(performance.now() - started);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
    }
    await db.delete();
    return durations;
  },

  /** Fills the app's database with `count` of today's visits (bulk, in batches), quickly. */
  async seedVisits(count: number): Promise<void> {
    const db = getDb();
    const batch: DomainEvent[] = [];
    const context = await loadCaptureContext(db, new Date());
    if (!context.ok) throw new Error(context.error);
    const counters = new Map<string, number>();
    const counterValue = (key: string) => counters.get(key) ?? 0;
    const base: CaptureContext = { ...context.value, newId: () => uuidv7() };
    // Start past what the app's own counters already hold.
    const stored = await counterLookup(db);
    for (let index = 0; index < count; index += 1) {
      const plan = planRegistration(
        input(index),
        { counterValue: (key) => Math.max(counterValue(key), stored(key)) },
        base,
      );
      if (!plan.ok) throw new Error(JSON.stringify(plan.error));
      for (const event of plan.value.events) {
        if (event.type === 'visit.registered') {
          const key = `ticket:${event.payload.poliCode}:${event.payload.serviceDate}:${event.payload.ticket.deviceCode}`;
          counters.set(key, event.payload.ticket.sequence);
        }
        if (event.type === 'patient.registered' && event.payload.tempNumber) {
          const [, device, date, sequence] = event.payload.tempNumber.split('-');
          counters.set(`tmp:${device}:${date}`, Number(sequence));
        }
      }
      batch.push(...plan.value.events);
      if (batch.length >= 1_000) await appendEvents(db, batch.splice(0), { origin: 'local' });
    }
    if (batch.length > 0) await appendEvents(db, batch.splice(0), { origin: 'local' });
  },
};

Object.assign(window, { siagaBench: api });
document.body.dataset.ready = 'true';

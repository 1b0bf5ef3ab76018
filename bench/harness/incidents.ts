/**
 * The incidents bench's half of the harness (bench/incidents.bench.ts): the real commands and
 * queries on real IndexedDB. What issue 6 added to every capture is the drill mark (a look at the
 * running drill and, once a drill left data, at the entities an event is about); clearing a drill
 * and counting an incident's backlog read the journal too.
 */
import { type RegistrationInput } from '@/domain';
import {
  clearDrill,
  closeIncident,
  getIncident,
  incidentBacklog,
  openIncident,
  registerVisit,
  saveDeviceIdentity,
  saveRuntimeConfig,
  SiagaDb,
} from '@/storage';
import { DEMO_CONFIG } from '../../server/demoConfig';
import { actAs } from './benchPeople';
import { seedRegistrations } from './seed';

/** Every eighth patient is a returning one whose visit raises a record-request slip (999 a day at most). */
function input(index: number): RegistrationInput {
  const poli = DEMO_CONFIG.polis[index % DEMO_CONFIG.polis.length]!;
  return {
    patient: {
      identity: {
        ...(index % 8 === 1 ? { kind: 'returning', mrn: String(100_000 + index) } : { kind: 'new' }),
        name: `Pasien Insiden ${index}`,
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

async function device(name: string): Promise<SiagaDb> {
  const db = new SiagaDb(`siaga-bench-incidents-${name}-${Date.now()}`);
  await saveRuntimeConfig(db, DEMO_CONFIG, new Date());
  await saveDeviceIdentity(db, 'PD8');
  await actAs(db, 'registration');
  return db;
}

/** `count` registrations by the registration desk, marked as the given drill's data if any. */
async function seed(db: SiagaDb, count: number, drillId?: string): Promise<void> {
  await actAs(db, 'registration');
  return seedRegistrations(db, count, input, drillId);
}

async function startDrill(db: SiagaDb): Promise<string> {
  await actAs(db, 'admin');
  const opened = await openIncident(db, {
    unit: 'IT / SIMRS',
    scope: 'hospital',
    cause: 'planned_maintenance',
    detectedAt: { mode: 'now' },
    drill: true,
  });
  if (!opened.ok || !opened.value.incidentId) throw new Error(JSON.stringify(opened));
  return opened.value.incidentId;
}

async function endDrill(db: SiagaDb, drillId: string): Promise<void> {
  await actAs(db, 'admin');
  const closed = await closeIncident(db, drillId, { restoredAt: { mode: 'now' }, confirmedBy: 'IT Bench' });
  if (!closed.ok) throw new Error(JSON.stringify(closed.error));
}

export const incidentsApi = {
  /**
   * `count` sequential registrations (submit → durable, ms each) on a device holding `seeded`
   * registrations: with no drill ever run (the baseline), after a drill whose data is still there
   * (each event's entities are looked up), or while a drill runs (every event is marked).
   */
  async registerUnderDrill(
    variant: 'none' | 'afterDrill' | 'duringDrill',
    count: number,
    seeded: number,
  ): Promise<number[]> {
    const db = await device(variant);
    if (variant === 'none') await seed(db, seeded);
    else {
      const drillId = await startDrill(db);
      await seed(db, seeded, drillId);
      if (variant === 'afterDrill') await endDrill(db, drillId);
    }
    await actAs(db, 'registration');
    const durations: number[] = [];
    for (let index = 0; index < count; index += 1) {
      const started = performance.now();
      const result = await registerVisit(db, input(seeded + index));
      durations.push(performance.now() - started);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
    }
    await db.delete();
    return durations;
  },

  /** Milliseconds to clear a closed drill of `practice` registrations beside `real` real ones. */
  async clearDrillOf(practice: number, real: number): Promise<number> {
    const db = await device(`clear-${practice}`);
    await seed(db, real);
    const drillId = await startDrill(db);
    await seed(db, practice, drillId);
    await endDrill(db, drillId);
    const started = performance.now();
    const cleared = await clearDrill(db, drillId);
    const elapsed = performance.now() - started;
    if (!cleared.ok) throw new Error(JSON.stringify(cleared.error));
    const left = await db.journal.where('drillId').equals(drillId).count();
    if (left !== 0 || (await db.visits.count()) !== real) throw new Error('drill data left behind');
    await db.delete();
    return elapsed;
  },

  /** Milliseconds (`runs` times) to count the backlog of an incident during which `visits` were registered. */
  async backlogOf(visits: number, runs: number): Promise<number[]> {
    const db = await device(`backlog-${visits}`);
    await actAs(db, 'records');
    const opened = await openIncident(db, {
      unit: 'Instalasi Rekam Medis',
      scope: 'hospital',
      cause: 'power',
      detectedAt: { mode: 'now' },
      drill: false,
    });
    if (!opened.ok || !opened.value.incidentId) throw new Error(JSON.stringify(opened));
    await seed(db, visits);
    const incident = (await getIncident(db, opened.value.incidentId))!;
    const durations: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      const backlog = await incidentBacklog(db, incident, new Date(Date.now() + 60_000));
      durations.push(performance.now() - started);
      if (backlog.visits.captured !== visits) throw new Error(`backlog counted ${backlog.visits.captured}`);
    }
    await db.delete();
    return durations;
  },
};

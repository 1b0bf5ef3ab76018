/**
 * The work of a busy hospital's outpatient days as another device's events would reach a desk:
 * registrations at two desks (a third of them new patients), the records room finding and sending
 * the returning patients' folders, the poli calling, examining with a signed RM 1.2, and ending
 * the service. Made by the real planners and signed by the bench people, about nine events a
 * visit. Deterministic for a seed.
 */
import {
  counterKeysOf,
  planAssessment,
  planQueueMove,
  planRegistration,
  planSlipMove,
  projectEntity,
  type CaptureContext,
  type DomainEvent,
  type Role,
} from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { signEvents } from '@/storage';
import { DEMO_CONFIG } from '../../server/demoConfig';
import { RM12_SAMPLE } from '../../tests/unit/domain/rm12Sample';
import { benchSigners } from './benchPeople';

const ROLES_AT_WORK: Role[] = ['registration', 'records', 'clinician'];
const DEVICES = ['PD2', 'PD3', 'RM1', 'PL1'].map((deviceCode) => ({ deviceCode, deviceId: uuidv7() }));

function prng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/**
 * `visits` visits of the service day `day` (YYYY-MM-DD, Jakarta), from 07:00 a minute or less
 * apart, each with its events in the order they happened, signed.
 */
export async function hospitalDay(day: string, visits: number, seed: number): Promise<DomainEvent[]> {
  const random = prng(seed);
  const people = Object.fromEntries(
    await Promise.all(ROLES_AT_WORK.map(async (role) => [role, await benchSigners(role)] as const)),
  );
  const counters = new Map<string, number>();
  const start = Date.parse(`${day}T07:00:00+07:00`);
  const contextOf = (role: Role, device: (typeof DEVICES)[number], at: number): CaptureContext => ({
    deviceId: device.deviceId,
    deviceCode: device.deviceCode,
    actor: people[role]!.actor,
    config: DEMO_CONFIG,
    now: new Date(at),
    clock: { offsetMs: 0, measuredAt: new Date(at).toISOString() },
    newId: () => uuidv7(at),
  });
  const byRole = new Map<Role, DomainEvent[]>(ROLES_AT_WORK.map((role) => [role, []]));
  const made = (role: Role, events: DomainEvent[]) => byRole.get(role)!.push(...events);

  for (let index = 0; index < visits; index += 1) {
    let at = start + index * 25_000 + Math.floor(random() * 20_000);
    const desk = DEVICES[index % 2]!;
    const poli = DEMO_CONFIG.polis[index % DEMO_CONFIG.polis.length]!;
    const returning = random() < 0.67;
    const birthDate = `19${50 + Math.floor(random() * 50)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
    const registered = must(
      planRegistration(
        {
          patient: {
            identity: {
              kind: returning ? 'returning' : 'new',
              ...(returning ? { mrn: String((seed * 1_000 + index) % 1_000_000).padStart(6, '0') } : {}),
              name: `Pasien Uji ${seed}-${index}`,
              sex: random() < 0.5 ? 'L' : 'P',
              birthDate,
              identityVerifiedBy: 'ktp',
            },
          },
          poliCode: poli.code,
          doctorCode: poli.doctors[0]!.code,
          payer:
            random() < 0.7
              ? { type: 'bpjs', cardNo: String(1e12 + index).padStart(13, '0') }
              : { type: 'umum' },
          source: 'direct',
          registeredAt: { mode: 'now' },
        },
        { counterValue: (key) => counters.get(key) ?? 0 },
        contextOf('registration', desk, at),
      ),
    );
    for (const { key, value } of registered.events.flatMap(counterKeysOf)) counters.set(key, value);
    made('registration', registered.events);
    const visitEvents = registered.events.filter((event) => event.entityId === registered.visitId);
    const visit = () => projectEntity<'visits'>(visitEvents)!;

    if (registered.slipId) {
      const slipEvents = registered.events.filter((event) => event.entityId === registered.slipId);
      for (const move of [
        { move: 'found', source: 'paper_folder' },
        { move: 'sent', rm12BlankIssued: true },
      ] as const) {
        at += 60_000 + Math.floor(random() * 300_000);
        const moved = must(
          planSlipMove(
            projectEntity<'slips'>(slipEvents)!,
            move,
            { mode: 'now' },
            'direct',
            contextOf('records', DEVICES[2]!, at),
          ),
        );
        slipEvents.push(...moved);
        made('records', moved);
      }
    }
    for (const move of ['called', 'service_started', 'service_ended'] as const) {
      at += 60_000 + Math.floor(random() * 600_000);
      const moved = must(
        planQueueMove(
          visit(),
          { move, when: { mode: 'now' }, source: 'direct' },
          contextOf('clinician', DEVICES[3]!, at),
        ),
      );
      visitEvents.push(...moved);
      made('clinician', moved);
      if (move === 'service_started') {
        const signed = must(
          planAssessment(
            visit(),
            undefined,
            {
              content: RM12_SAMPLE,
              startedAt: { mode: 'now' },
              completedAt: { mode: 'now' },
              clinician: { doctorCode: poli.doctors[0]!.code, name: poli.doctors[0]!.name },
              source: 'direct',
              attestation: true,
            },
            contextOf('clinician', DEVICES[3]!, at + 30_000),
          ),
        );
        made('clinician', signed.events);
      }
    }
  }
  const signed = await Promise.all(ROLES_AT_WORK.map((role) => signEvents(people[role]!, byRole.get(role)!)));
  return signed.flat();
}

import type { Encounter } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import type { DomainEvent, FacilityTimeZone } from '@/domain';
import type { FhirR4Target } from '../../../server/delivery/deliveryConfig';
import { queueSummary } from '../../../server/delivery/deliveryQueue';
import { startDeliveryWorker } from '../../../server/delivery/deliveryWorker';
import { fhirR4Adapter } from '../../../server/delivery/fhirR4Adapter';
import { visitsFor } from '../../../server/delivery/targetVisits';
import { planDeliveryRetry } from '@/domain';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { storeEvents } from '../../../server/events/eventStore';
import { FHIR_CLIENT, startFhirTestServer, type FhirTestServer } from '../../fixtures/fhirTestServer';
import { outageDay, prng } from '../../fixtures/outageEvents';
import { testContext } from '../domain/eventFactory';
import { deliveryStarted, silentLog, useDeliveryTestKit, waitFor } from './deliveryTestKit';

const { afterTest, hubDatabase } = useDeliveryTestKit();
const ORGANIZATION = '10000004';

function fhirTarget(server: FhirTestServer, maxBundleEntries: number): FhirR4Target {
  return {
    name: 'satusehat',
    adapter: 'fhir-r4',
    label: 'SATUSEHAT (test)',
    baseUrl: server.url,
    tokenUrl: server.tokenUrl,
    ...FHIR_CLIENT,
    organizationId: ORGANIZATION,
    locations: Object.fromEntries(DEMO_CONFIG.polis.map((poli, index) => [poli.code, `loc-${index}`])),
    practitioners: Object.fromEntries(
      DEMO_CONFIG.polis.flatMap((poli) => poli.doctors.map((doctor) => [doctor.code, `N${doctor.code}`])),
    ),
    maxBundleEntries,
    timeoutMs: 5_000,
  };
}

/** What one outage's assessments add up to in FHIR resources. */
function expectedResources(events: readonly DomainEvent[]) {
  const totals = { Encounter: 0, Condition: 0, Observation: 0, AllergyIntolerance: 0 };
  for (const event of events) {
    if (event.type !== 'assessment.signed') continue;
    const { content } = event.payload;
    totals.Encounter += 1;
    totals.Condition += content.diagnoses.length + 1; // and the chief complaint
    totals.Observation += Object.keys(content.vitals).length + 1; // and consciousness
    totals.AllergyIntolerance += content.allergy.allergens.length;
  }
  return totals;
}

/** An outage's day on a hub, its patients in the MPI, delivered to the FHIR test server. */
async function deliverOutage(options: {
  visits: number;
  seed: number;
  timeZone?: FacilityTimeZone;
  maxBundleEntries: number;
  /** NIKs the MPI does not know. */
  notInMpi?: (nik: string) => boolean;
  /** A poli with no SATUSEHAT Location in the target's config. */
  unmappedPoli?: string;
  /** The first RM 1.2 names an examining doctor (a stand-in) with no IHS number. */
  unmappedExaminer?: boolean;
}) {
  const { visits, seed, timeZone } = options;
  const day = outageDay({ visits, devices: 2, seed, clinical: true, ...(timeZone ? { timeZone } : {}) });
  const server = await startFhirTestServer();
  afterTest(() => server.close());
  for (const event of day.events)
    if (event.type === 'patient.registered' && event.payload.nik && !options.notInMpi?.(event.payload.nik))
      await server.addPatient(event.payload.nik);
  const db = hubDatabase();
  const firstSigned = day.events.find((event) => event.type === 'assessment.signed');
  const events = day.events.map((event) =>
    options.unmappedExaminer && event === firstSigned && event.type === 'assessment.signed'
      ? { ...event, payload: { ...event.payload, clinician: { doctorCode: 'D999', name: 'dr. Tamu Jaga' } } }
      : event,
  );
  storeEvents(db, events, 'device', new Date());
  const target = fhirTarget(server, options.maxBundleEntries);
  if (options.unmappedPoli) delete target.locations[options.unmappedPoli];
  const worker = startDeliveryWorker({
    db,
    targets: [
      { name: target.name, adapter: fhirR4Adapter(target), select: (planned) => visitsFor(target, planned) },
    ],
    config: () => ({
      ...DEMO_CONFIG,
      facility: { ...DEMO_CONFIG.facility, timeZone: options.timeZone ?? DEMO_CONFIG.facility.timeZone },
    }),
    log: silentLog,
    backoff: { baseMs: 5, maxMs: 40, random: prng(options.seed) },
    pollMs: 10,
  });
  afterTest(() => worker.stop());
  const counts = () => queueSummary(db, target.name, new Date()).counts;
  /** Every visit delivered or refused (a refusal fails the test at once, with the reason). */
  const settled = (visits: number) => {
    const now = counts();
    return now.delivered + now.needs_review === visits;
  };
  storeEvents(db, [deliveryStarted(target.name)], 'device', new Date());
  return { day, server, db, counts, settled, worker, target };
}

const totals = async (server: FhirTestServer) => ({
  Encounter: await server.count('Encounter'),
  Condition: await server.count('Condition'),
  Observation: await server.count('Observation'),
  AllergyIntolerance: await server.count('AllergyIntolerance'),
});

describe('delivery to a FHIR R4 server (SATUSEHAT-shaped, Medplum as the server)', () => {
  it('sends every finished visit as valid FHIR R4, and sending it all again creates nothing new', async () => {
    const { day, server, db, counts, settled, worker } = await deliverOutage({
      visits: 8,
      seed: 11,
      maxBundleEntries: 8,
    });
    // Some answers are lost after the server committed: the retries must find, not refile.
    server.loseAnswers(3);
    await waitFor(() => settled(8), 'all 8 delivered');
    expect(server.invalid).toEqual([]);
    expect(counts()).toMatchObject({ delivered: 8, pending: 0, retrying: 0, needs_review: 0 });
    const expected = expectedResources(day.events);
    expect(expected.AllergyIntolerance).toBeGreaterThan(0);
    expect(await totals(server)).toEqual(expected);
    // One token for the whole run: it is cached until it nearly expires.
    expect(server.tokensIssued()).toBe(1);

    // Every item again, as after a restored hub backup, under a revoked token.
    server.revokeTokens();
    const before = server.transactions();
    db.prepare(`UPDATE delivery_items SET status = 'pending'`).run();
    worker.kick();
    await waitFor(() => settled(8), 'all 8 delivered again');
    expect(counts().delivered).toBe(8);
    expect(server.transactions()).toBeGreaterThan(before + 8);
    expect(await totals(server)).toEqual(expected);
    expect(server.tokensIssued()).toBe(2);

    // The Encounter holds its diagnoses, even when the visit took several transactions.
    const encounters = await server.repo.searchResources<Encounter>({
      resourceType: 'Encounter',
      count: 100,
    });
    for (const encounter of encounters) {
      expect(encounter.identifier?.[0]?.system).toBe(`http://sys-ids.kemkes.go.id/encounter/${ORGANIZATION}`);
      for (const diagnosis of encounter.diagnosis ?? [])
        expect(diagnosis.condition.reference).toMatch(/^Condition\/[0-9a-f-]{36}$/);
      expect(encounter.subject?.reference).toMatch(/^Patient\//);
    }
  }, 60_000);

  it.each([
    ['Asia/Jakarta', 'WIB', 7],
    ['Asia/Makassar', 'WITA', 8],
    ['Asia/Jayapura', 'WIT', 9],
  ] as const)(
    'writes statusHistory in UTC from the times captured in %s (%s)',
    async (timeZone, _name, offset) => {
      const { day, server, counts, settled } = await deliverOutage({
        visits: 4,
        seed: offset,
        timeZone,
        maxBundleEntries: 8,
      });
      await waitFor(() => settled(4), 'all 4 delivered');
      expect(server.invalid).toEqual([]);
      expect(counts().delivered).toBe(4);

      const captured = new Map<string, { arrived: string; started: string; ended: string }>();
      for (const event of day.events) {
        const times = captured.get(event.entityId) ?? { arrived: '', started: '', ended: '' };
        if (event.type === 'visit.registered') times.arrived = event.payload.arrivedAt;
        else if (event.type === 'queue.service_started') times.started = event.occurredAt;
        else if (event.type === 'queue.service_ended') times.ended = event.occurredAt;
        else continue;
        captured.set(event.entityId, times);
      }
      /** Local wall-clock time minus the zone's offset, by hand: `…+07:00` → `…+00:00`. */
      const toUtc = (local: string) => {
        expect(local.endsWith(`+0${offset}:00`)).toBe(true);
        const wall = Date.parse(`${local.slice(0, 23)}Z`);
        return new Date(wall - offset * 3_600_000).toISOString().replace('Z', '+00:00');
      };

      const encounters = await server.repo.searchResources<Encounter>({
        resourceType: 'Encounter',
        count: 100,
      });
      expect(encounters).toHaveLength(4);
      for (const encounter of encounters) {
        const times = captured.get(encounter.identifier![0]!.value!)!;
        expect(encounter.statusHistory).toEqual([
          { status: 'arrived', period: { start: toUtc(times.arrived), end: toUtc(times.started) } },
          { status: 'in-progress', period: { start: toUtc(times.started), end: toUtc(times.ended) } },
          { status: 'finished', period: { start: toUtc(times.ended), end: toUtc(times.ended) } },
        ]);
        expect(encounter.period).toEqual({ start: toUtc(times.arrived), end: toUtc(times.ended) });
      }
      // The first patient came at 07:00 local: before 07:00 UTC by the zone's offset.
      const first = [...captured.values()].map((times) => toUtc(times.arrived)).sort()[0]!;
      expect(first.slice(11, 16)).toBe(`${String((31 - offset) % 24).padStart(2, '0')}:00`);
    },
    60_000,
  );

  it('refuses a visit whose RM 1.2 names an examining doctor SATUSEHAT does not know, never naming the visit doctor instead', async () => {
    const { db, server, settled } = await deliverOutage({
      visits: 3,
      seed: 21,
      maxBundleEntries: 8,
      unmappedExaminer: true,
    });
    await waitFor(() => settled(3), 'all 3 settled');
    const summary = queueSummary(db, 'satusehat', new Date());
    expect(summary.counts).toMatchObject({ delivered: 2, needs_review: 1 });
    expect(summary.failures.map(({ code, count }) => ({ code, count }))).toEqual([
      { code: 'practitioner_not_mapped', count: 1 },
    ]);
    expect(await server.count('Encounter')).toBe(2);
  }, 30_000);

  it('leaves for a person to review what SATUSEHAT cannot take, with the reason, and delivers the rest', async () => {
    const { day, server, db, counts, settled, target } = await deliverOutage({
      visits: 3,
      seed: 21,
      maxBundleEntries: 8,
      // The first patient (serial 0001) is not in the MPI; the second visit's poli has no Location.
      notInMpi: (nik) => nik.endsWith('0001'),
      unmappedPoli: DEMO_CONFIG.polis[1]!.code,
    });
    await waitFor(() => settled(3), 'all 3 settled');
    const summary = queueSummary(db, 'satusehat', new Date());
    expect(summary.counts).toMatchObject({ delivered: 1, needs_review: 2 });
    expect(
      summary.failures.map(({ code, count }) => ({ code, count })).sort((a, b) => (a.code < b.code ? -1 : 1)),
    ).toEqual([
      { code: 'location_not_mapped', count: 1 },
      { code: 'patient_not_in_mpi', count: 1 },
    ]);
    expect(await server.count('Encounter')).toBe(1);

    // IT maps the poli and the records office registers the patient in the MPI; a request to
    // send again made before the refusals (a late sync) changes nothing…
    target.locations[DEMO_CONFIG.polis[1]!.code] = 'loc-1';
    for (const event of day.events)
      if (event.type === 'patient.registered' && event.payload.nik?.endsWith('0001'))
        await server.addPatient(event.payload.nik);
    const retryAt = (at: Date, code: string) => {
      const context = { ...testContext(at.toISOString()), now: at };
      const planned = planDeliveryRetry(
        { target: 'satusehat', code },
        { ...context, actor: { ...context.actor, role: 'recovery' } },
      );
      if (!planned.ok) throw new Error(JSON.stringify(planned.error));
      return planned.value;
    };
    storeEvents(db, retryAt(new Date(Date.now() - 3_600_000), 'patient_not_in_mpi'), 'device', new Date());
    expect(queueSummary(db, 'satusehat', new Date()).counts.needs_review).toBe(2);
    // …one made now sends that reason's visits again, and the other reason's stay for review.
    storeEvents(db, retryAt(new Date(), 'patient_not_in_mpi'), 'device', new Date());
    await waitFor(() => counts().delivered === 2, 'the patient’s visit delivered');
    expect(counts()).toMatchObject({ delivered: 2, needs_review: 1 });
    storeEvents(db, retryAt(new Date(), 'location_not_mapped'), 'device', new Date());
    await waitFor(() => counts().delivered === 3, 'the poli’s visit delivered');
    expect(await server.count('Encounter')).toBe(3);
  }, 30_000);
});

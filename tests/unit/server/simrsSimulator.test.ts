import { afterEach, describe, expect, it } from 'vitest';
import { planVisitDeliveries } from '@/domain/delivery/planVisitDeliveries';
import type { SimrsVisitDocument } from '@/domain/delivery/simrsDocument';
import { createSimrsSimulator, type SimrsSimulator } from '../../../server/simrsSimulator/simrsSimulator';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { outageDay } from '../../fixtures/outageEvents';

const TOKEN = 'simulator-test-token-0123456789';
let simulator: SimrsSimulator | undefined;

async function startSimulator(): Promise<{ url: string; simulator: SimrsSimulator }> {
  simulator = createSimrsSimulator({ dbFile: ':memory:', token: TOKEN });
  const url = await simulator.app.listen({ port: 0, host: '127.0.0.1' });
  return { url, simulator };
}

afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

const documents = (visits: number) =>
  planVisitDeliveries({
    events: outageDay({ visits, seed: 7 }).events,
    facility: { code: DEMO_CONFIG.facility.code, timeZone: DEMO_CONFIG.facility.timeZone },
  }).map((planned) => planned.document);

function put(url: string, document: SimrsVisitDocument, headers: Record<string, string> = {}) {
  return fetch(`${url}/api/visits/${document.visit.localId}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, ...headers },
    body: JSON.stringify(document),
  });
}

describe('the SIMRS simulator implements the REST contract (docs/simrs-api.md)', () => {
  it('files a visit once per Idempotency-Key, numbering visits per day in the order they come', async () => {
    const { url, simulator } = await startSimulator();
    const [first, second] = documents(2);
    const created = await put(url, first!, { 'idempotency-key': 'key-first-0001' });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ visitNumber: '2026/11/23/000001', mrn: '200000', created: true });

    // A retry after a lost answer gets the stored answer; nothing is filed twice.
    const replayed = await put(url, first!, { 'idempotency-key': 'key-first-0001' });
    expect(replayed.status).toBe(201);
    expect(await replayed.json()).toEqual({ visitNumber: '2026/11/23/000001', mrn: '200000', created: true });
    expect(simulator.visits()).toHaveLength(1);
    expect(simulator.visits()[0]!.writes).toBe(1);

    // The same key for other content is a client bug, refused.
    const reused = await put(url, second!, { 'idempotency-key': 'key-first-0001' });
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as { error: { code: string } }).error.code).toBe('idempotency_key_reused');

    // A changed visit under a new key updates the same visit number.
    const changed = { ...first!, visit: { ...first!.visit, status: 'done' as const } };
    const updated = await put(url, changed, { 'idempotency-key': 'key-first-0002' });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toEqual({ visitNumber: '2026/11/23/000001', mrn: '200000', created: false });
    expect(simulator.visits()[0]!.writes).toBe(2);

    expect((await put(url, second!, { 'idempotency-key': 'key-second-001' })).status).toBe(201);
    expect(simulator.visits().map((visit) => visit.visitNumber)).toEqual([
      '2026/11/23/000001',
      '2026/11/23/000002',
    ]);
  });

  it('refuses what the contract does not allow, each with a code and the field', async () => {
    const { url, simulator } = await startSimulator();
    const [document] = documents(1);
    const noToken = await fetch(`${url}/api/visits/${document!.visit.localId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'key-no-token-1' },
      body: JSON.stringify(document),
    });
    expect(noToken.status).toBe(401);
    expect((await put(url, document!)).status).toBe(400); // no Idempotency-Key

    const invalid = await put(
      url,
      { ...document!, visit: { ...document!.visit, arrivedAt: 'pagi' } } as never,
      { 'idempotency-key': 'key-invalid-01' },
    );
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toMatchObject({
      error: { code: 'invalid_document', field: 'visit.arrivedAt' },
    });

    const { mrn: _mrn, ...withoutMrn } = document!.patient;
    const unmapped = await put(
      url,
      { ...document!, patient: withoutMrn },
      { 'idempotency-key': 'key-no-mrn-01' },
    );
    expect(unmapped.status).toBe(422);
    expect(await unmapped.json()).toMatchObject({ error: { code: 'unknown_patient', field: 'patient.mrn' } });
    expect(simulator.visits()).toHaveLength(0);
  });

  it('switched down, it resets connections and files nothing; up again, it answers', async () => {
    const { url, simulator } = await startSimulator();
    const [document] = documents(1);
    simulator.setDown(true);
    await expect(put(url, document!, { 'idempotency-key': 'key-while-down' })).rejects.toThrow();
    await expect(fetch(`${url}/health`)).rejects.toThrow();
    expect(simulator.visits()).toHaveLength(0);
    simulator.setDown(false);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect((await put(url, document!, { 'idempotency-key': 'key-while-down' })).status).toBe(201);
  });

  it('gives a new patient a medical-record number once, and finds patients by NIK', async () => {
    const { url } = await startSimulator();
    const body = {
      patient: {
        localId: '0190a000-0000-7000-8000-000000000001',
        kind: 'new',
        name: 'Siti Aminah',
        sex: 'P',
        nik: '3171234567890003',
        birthDate: '1990-04-02',
      },
    };
    const post = (key: string) =>
      fetch(`${url}/api/patients`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${TOKEN}`,
          'idempotency-key': key,
        },
        body: JSON.stringify(body),
      });
    const first = (await (await post('patient-key-01')).json()) as { mrn: string };
    expect(first.mrn).toMatch(/^\d{6}$/);
    // Even under another key the same local patient is not created twice.
    expect(await (await post('patient-key-02')).json()).toEqual({
      mrn: first.mrn,
      patientLocalId: body.patient.localId,
    });
    const found = await fetch(`${url}/api/patients/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ nik: '3171234567890003' }),
    });
    expect(await found.json()).toEqual({
      patients: [
        { mrn: first.mrn, nik: '3171234567890003', name: 'Siti Aminah', birthDate: '1990-04-02', sex: 'P' },
      ],
    });
  });
});

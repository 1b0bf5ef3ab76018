import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PatientCandidates, WaitingPatient } from '@/domain/delivery/deliveryStatus';
import { DEMO_CONFIG } from '../../../server/demoConfig';
import { TemporaryPatientsPanel } from '@/features/recovery/TemporaryPatientsPanel';
import { err, ok } from '@/lib/result';
import { accessStore } from '@/storage';
import type { DeliveryCalls } from '@/sync';

const budi: WaitingPatient = {
  patientId: '01a200db-45e0-72e0-8614-e19c7e1b942e',
  kind: 'new',
  tempNumber: 'TMP-PD1-001',
  name: 'BUDI SANTOSO',
  sex: 'L',
  birthDate: '1985-03-04',
  visits: 1,
  firstArrivalAt: '2026-11-22T01:00:00.000Z',
};
const candidates: PatientCandidates = {
  candidates: [
    {
      source: 'simrs',
      mrn: '004321',
      name: 'BUDI SANTOSA',
      birthDate: '1985-03-04',
      sex: 'L',
      match: 'name_birth_sex',
      similarity: 0.92,
    },
  ],
  simrs: 'answered',
};

/** The console's questions to the hub, answered here as a hub would (no network). */
function fakeCalls(found: PatientCandidates): DeliveryCalls & { createPatient: ReturnType<typeof vi.fn> } {
  return {
    status: () => Promise.resolve(err({ kind: 'notConnected' })),
    waitingPatients: () => Promise.resolve(ok([budi])),
    candidates: () => Promise.resolve(ok(found)),
    // The SIMRS says no: the hub answers with its own code.
    createPatient: vi.fn(() =>
      Promise.resolve(err({ kind: 'protocol', status: 422, code: 'simrs_refused' })),
    ),
    reconciliation: () => Promise.resolve(err({ kind: 'notConnected' })),
    worklist: () => Promise.resolve(err({ kind: 'notConnected' })),
  } as DeliveryCalls & { createPatient: ReturnType<typeof vi.fn> };
}

async function decideFor(calls: DeliveryCalls) {
  render(<TemporaryPatientsPanel calls={calls} target="simrs" config={DEMO_CONFIG} zone="Asia/Jakarta" />);
  const decide = await screen.findByRole('button', { name: 'Tetapkan No. RM' });
  act(() => decide.click());
  await screen.findByRole('heading', { name: 'Calon duplikat' });
}

describe('registering a temporary patient in the SIMRS', () => {
  beforeEach(() => {
    accessStore.setState({ actor: { userId: 'u3', name: 'Putri', role: 'recovery' } });
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
      this.open = false;
    };
  });
  afterEach(() => accessStore.setState({ actor: undefined }));

  it('asks for a confirmation naming the duplicate candidate before creating the patient', async () => {
    const calls = fakeCalls(candidates);
    await decideFor(calls);
    await screen.findByText('BUDI SANTOSA');
    act(() => screen.getByRole('button', { name: 'Pasien baru: daftarkan di SIMRS' }).click());
    expect(calls.createPatient).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog', {
      name: 'Daftarkan BUDI SANTOSO sebagai pasien baru di SIMRS?',
    });
    expect(dialog.textContent).toContain(
      'BUDI SANTOSA — No. RM 004321 — Nama mirip (92 %), tgl lahir & JK sama',
    );

    act(() => screen.getByRole('button', { name: 'Bukan orang yang sama: daftarkan pasien baru' }).click());
    await waitFor(() => expect(calls.createPatient).toHaveBeenCalledOnce());
    // The hub's refusal in Indonesian, never its code or English message.
    expect(
      await screen.findByText(
        'SIMRS menolak mendaftarkan pasien ini. Bila pasien sudah ada di SIMRS, ketik No. RM-nya; bila tidak, hubungi IT.',
      ),
    ).toBeTruthy();
  });

  it('does not ask when no duplicate candidate is shown', async () => {
    const calls = fakeCalls({ candidates: [], simrs: 'answered' });
    await decideFor(calls);
    await screen.findByText(/^Tidak ada calon duplikat/);
    act(() => screen.getByRole('button', { name: 'Pasien baru: daftarkan di SIMRS' }).click());
    await waitFor(() => expect(calls.createPatient).toHaveBeenCalledOnce());
  });
});

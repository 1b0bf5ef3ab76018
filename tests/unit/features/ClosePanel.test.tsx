import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '@/domain';
import { ClosePanel } from '@/features/incidents/IncidentPanels';
import { accessStore } from '@/storage';
import type { HubConnection } from '@/sync';

const detectedAt = '2026-11-22T01:00:00.000Z'; // 08:00 WIB
const incident: Incident = {
  id: '01a200db-45e0-72e0-8614-e19c7e1b942e',
  detection: 'automatic',
  detectedAt,
  timeZone: 'Asia/Jakarta',
  unit: 'IT / SIMRS',
  scope: 'hospital',
  cause: 'unknown',
  drill: false,
  openedBy: { userId: 'u1', name: 'Dewi', role: 'clinician' },
  openedOn: 'POL',
  status: 'open',
  steps: [],
  sightings: [],
  trail: [],
  anomalies: [],
};
const hub = (status: 'up' | 'down', since: string) =>
  ({
    state: 'reachable',
    hubVersion: '0.1.0',
    lastContactAt: Date.now(),
    simrs: { status, since, checkedAt: since },
  }) as HubConnection;

const closeButton = () => screen.getByRole('button', { name: 'SIMRS sudah pulih: tutup insiden' });

describe('closing an incident', () => {
  beforeEach(() => accessStore.setState({ actor: { userId: 'u2', name: 'Rina', role: 'registration' } }));
  afterEach(() => accessStore.setState({ actor: undefined }));

  it('is a secondary action, with a warning, while the hub still sees the SIMRS down', () => {
    render(<ClosePanel incident={incident} connection={hub('down', detectedAt)} userName="Rina" />);
    expect(closeButton().className).toContain('button--secondary');
    expect(screen.getByText(/^Hub masih belum dapat menghubungi SIMRS \(sejak 08:00 WIB\)\./)).toBeTruthy();
  });

  it('is the primary action once the hub sees the SIMRS up again', () => {
    render(
      <ClosePanel incident={incident} connection={hub('up', '2026-11-22T02:10:00.000Z')} userName="Rina" />,
    );
    expect(closeButton().className).toContain('button--primary');
    expect(screen.getByText('Hub dapat menghubungi SIMRS lagi sejak 09:10 WIB.')).toBeTruthy();
  });

  it('asks when the SIMRS worked again in plain words, offering the hub’s sighting', () => {
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    render(
      <ClosePanel incident={incident} connection={hub('up', '2026-11-22T02:10:00.000Z')} userName="Rina" />,
    );
    act(() => closeButton().click());
    expect(screen.getByRole('group', { name: 'Kapan SIMRS kembali berfungsi?' })).toBeTruthy();
    expect(
      screen.getByRole('radio', { name: 'Pukul 09:10 WIB, saat hub melihat SIMRS terjangkau lagi' }),
    ).toBeTruthy();
    expect(
      screen.getByRole('radio', { name: 'Baru saja: saya sudah memastikan SIMRS bisa dipakai lagi' }),
    ).toHaveProperty('checked', true);
  });

  it('does not offer the hub’s sighting when, to the minute, it reads as before the outage began', () => {
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    const late = { ...incident, detectedAt: '2026-11-22T01:00:30.000Z' }; // 08:00:30 WIB
    render(<ClosePanel incident={late} connection={hub('up', '2026-11-22T01:00:50.000Z')} userName="Rina" />);
    act(() => closeButton().click());
    expect(screen.queryByRole('radio', { name: /saat hub melihat SIMRS/ })).toBeNull();
    expect(screen.getAllByRole('radio')).toHaveLength(2);
  });
});

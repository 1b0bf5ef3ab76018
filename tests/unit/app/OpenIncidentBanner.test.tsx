import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Incident, Role } from '@/domain';
import { OpenIncidentNotice, showsFailoverClock } from '@/app/OpenIncidentBanner';
import type { HubConnection } from '@/sync';

const detectedAt = new Date(Date.now() - 10 * 60_000).toISOString();
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
const down: HubConnection = {
  state: 'reachable',
  hubVersion: '0.1.0',
  lastContactAt: Date.now(),
  simrs: { status: 'down', since: detectedAt, checkedAt: detectedAt },
} as HubConnection;

function renderBanner(role: Role, connection: HubConnection = down) {
  return render(
    <OpenIncidentNotice
      incident={incident}
      incidents={[incident]}
      others={0}
      connection={connection}
      role={role}
    />,
  );
}

describe('the open-incident banner', () => {
  it('gives a nurse one line: which incident, since when, and a link to view it', () => {
    const { container } = renderBanner('clinician');
    expect(container.querySelectorAll('p')).toHaveLength(1);
    expect(screen.getByText(/^Insiden DT-\d{6}-001: mode manual sejak \d{2}:\d{2} WIB$/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Lihat insiden' }).getAttribute('href')).toBe(
      `/insiden/${incident.id}`,
    );
    expect(screen.queryByText(/Batas SOP/)).toBeNull();
  });

  it('adds the one-hour failover countdown for IT', () => {
    renderBanner('admin');
    expect(
      screen.getByText(
        /^Batas SOP untuk alih ke server cadangan: \d{2}:\d{2} WIB \(sisa (4\d|50):\d{2}\)\.$/,
      ),
    ).toBeTruthy();
  });

  it('tells a clerk on the same line when the hub sees the SIMRS back', () => {
    const up = {
      ...down,
      simrs: { status: 'up', since: new Date().toISOString(), checkedAt: null },
    } as HubConnection;
    const { container } = renderBanner('registration', up);
    expect(container.querySelectorAll('p')).toHaveLength(1);
    expect(screen.getByText(/^SIMRS terjangkau lagi sejak \d{2}:\d{2} WIB$/)).toBeTruthy();
  });

  it('shows the failover clock to IT only', () => {
    expect(showsFailoverClock('admin')).toBe(true);
    for (const role of ['registration', 'records', 'clinician', 'recovery'] as const)
      expect(showsFailoverClock(role), role).toBe(false);
  });
});

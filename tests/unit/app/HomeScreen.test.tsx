import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HomeScreen } from '@/app/HomeScreen';

const workspaceLinks = () =>
  screen.getAllByRole('link').map((link) => link.querySelector('span')?.textContent);

describe('HomeScreen', () => {
  it('shows a registration clerk only the workspaces that role may open', () => {
    render(<HomeScreen role="registration" />);
    expect(workspaceLinks()).toEqual(['Pendaftaran', 'Rekam Medis', 'Pemulihan', 'Insiden']);
  });

  it('shows IT the recovery view, the audit trail and the incidents, no clinical workspace', () => {
    render(<HomeScreen role="admin" />);
    expect(workspaceLinks()).toEqual(['Pemulihan', 'Audit', 'Insiden']);
  });
});

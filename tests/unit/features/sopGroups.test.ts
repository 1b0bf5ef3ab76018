import { describe, expect, it } from 'vitest';
import { DEFAULT_SOP_STEPS } from '@/domain';
import { defaultSopUnit, sopGroups } from '@/features/incidents/sopGroups';

const ids = (group: { steps: readonly { id: string }[] }) => group.steps.map((step) => step.id);

describe('the SOP checklist grouped by unit', () => {
  it('puts each step under the unit it belongs to: IT’s, or every unit’s', () => {
    const [unit, it] = sopGroups(DEFAULT_SOP_STEPS, 'clinician');
    expect(unit?.kind).toBe('unit');
    expect(ids(unit!)).toContain('contact-technician');
    expect(ids(unit!)).not.toContain('failover-backup');
    expect(it?.kind).toBe('it');
    expect(ids(it!)).toEqual(['check-other-pcs', 'repair', 'failover-backup']);
  });

  it('shows IT its own steps first', () => {
    expect(sopGroups(DEFAULT_SOP_STEPS, 'admin').map((group) => group.kind)).toEqual(['it', 'unit']);
  });

  it('leaves out a group without steps', () => {
    const unitOnly = DEFAULT_SOP_STEPS.filter((step) => step.role !== 'it');
    expect(sopGroups(unitOnly, 'admin').map((group) => group.kind)).toEqual(['unit']);
  });

  it('opens on one’s own unit; IT, whose unit has IT’s steps, on the reporting unit', () => {
    const units = ['IT / SIMRS', 'Pendaftaran', 'Poli'];
    expect(defaultSopUnit({ unit: 'IT / SIMRS' }, units, 'Poli', 'clinician')).toBe('Poli');
    expect(defaultSopUnit({ unit: 'Pendaftaran' }, units, 'IT / SIMRS', 'admin')).toBe('Pendaftaran');
    expect(defaultSopUnit({ unit: 'IT / SIMRS' }, units, 'IT / SIMRS', 'admin')).toBe('Pendaftaran');
  });
});

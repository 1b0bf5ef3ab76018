import { describe, expect, it } from 'vitest';
import {
  deviceProfileSchema,
  ENTITY_KINDS,
  pullSelection,
  pullWindowStart,
  unknownProfilePolis,
  type DeviceProfileKind,
} from '@/domain';
import { DEMO_CONFIG } from '../../../server/demoConfig';

describe('device profiles [P45] [P46]', () => {
  it('[P46] gives a full device every kind of entity, and no other profile an audit entry or a delivery decision', () => {
    expect(pullSelection('full', 'always').kinds).toEqual([...ENTITY_KINDS]);
    for (const profile of ['desk', 'records', 'clinic'] as DeviceProfileKind[]) {
      expect(pullSelection(profile, 'never').kinds).toEqual(
        expect.arrayContaining(['audit_entry', 'delivery_decision']),
      );
      expect(pullSelection(profile, 'always').kinds).toEqual(
        expect.arrayContaining(['patient', 'account', 'incident', 'downtime_log']),
      );
    }
    expect(pullSelection('desk', 'never').types).toEqual(
      expect.arrayContaining(['assessment.signed', 'assessment.amended']),
    );
    expect(pullSelection('clinic', 'scoped').types).toEqual(
      expect.arrayContaining(['visit.registered', 'queue.called', 'slip.sent', 'assessment.signed']),
    );
  });

  it('[P46] starts the window that many facility days before today', () => {
    // 23:30 UTC on the 21st is already the 22nd in Jakarta.
    const now = new Date('2026-11-21T23:30:00Z');
    expect(pullWindowStart(now, DEMO_CONFIG)).toBe('2026-11-15');
    expect(pullWindowStart(now, { ...DEMO_CONFIG, sync: { pullWindowDays: 1 } })).toBe('2026-11-21');
    expect(pullWindowStart(new Date('2026-03-02T03:00:00Z'), DEMO_CONFIG)).toBe('2026-02-23');
  });

  it('[P45] takes only the profiles it knows, a clinic with its polis, and names polis the hospital lacks', () => {
    expect(deviceProfileSchema.safeParse({ kind: 'clinic', polis: ['UMU'] }).success).toBe(true);
    for (const profile of [{ kind: 'clinic', polis: [] }, { kind: 'desk', polis: ['UMU'] }, { kind: 'root' }])
      expect(deviceProfileSchema.safeParse(profile).success).toBe(false);
    expect(unknownProfilePolis({ kind: 'clinic', polis: ['UMU', 'XYZ'] }, DEMO_CONFIG)).toEqual(['XYZ']);
    expect(unknownProfilePolis({ kind: 'desk' }, DEMO_CONFIG)).toEqual([]);
  });
});

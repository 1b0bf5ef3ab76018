import { describe, expect, it } from 'vitest';
import {
  EVENT_TYPES,
  hasRight,
  isPermitted,
  makeEvent,
  Reason,
  requiredRight,
  ROLES,
  workflowOf,
  type Role,
} from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { testContext, visitRegistered } from '../eventFactory';

describe('rights per role and workflow (Permenkes 24/2022 Pasal 30)', () => {
  it('gives every event type a workflow that some role may record', () => {
    for (const type of EVENT_TYPES) {
      const workflow = workflowOf(type);
      expect(
        ROLES.some((role) => hasRight(role, workflow, 'input') || hasRight(role, workflow, 'correct')),
      ).toBe(true);
    }
  });

  it.each<[Role, string, boolean]>([
    ['registration', 'registration', true],
    ['registration', 'clinic', false],
    ['records', 'records', true],
    ['records', 'registration', false],
    ['clinician', 'clinic', true],
    ['clinician', 'registration', false],
    ['recovery', 'registration', true],
    ['recovery', 'clinic', false],
    ['admin', 'registration', false],
    ['admin', 'accounts', true],
  ])('%s may input in %s: %s', (role, workflow, allowed) => {
    expect(hasRight(role, workflow as never, 'input')).toBe(allowed);
  });

  it('keeps IT out of clinical records and everyone but IT out of the audit trail', () => {
    for (const workflow of ['registration', 'queue', 'records', 'clinic'] as const)
      expect(hasRight('admin', workflow, 'view')).toBe(false);
    for (const role of ROLES.filter((candidate) => candidate !== 'admin'))
      expect(hasRight(role, 'audit', 'view')).toBe(false);
  });

  it('needs the correct right for a correcting event, and for a void in the voided workflow', () => {
    const registered = visitRegistered(uuidv7(), '09:00');
    expect(requiredRight(registered)).toEqual({ workflow: 'registration', right: 'input' });
    expect(requiredRight({ ...registered, corrects: uuidv7() })).toEqual({
      workflow: 'registration',
      right: 'correct',
    });
    const clinicianCorrecting = {
      ...registered,
      corrects: uuidv7(),
      actor: { ...registered.actor, role: 'clinician' as const },
    };
    expect(isPermitted(clinicianCorrecting)).toBe(false);
  });

  it('refuses to make an event the actor may not record, with a reason code', () => {
    const context = {
      ...testContext(),
      actor: { userId: 'u9', name: 'Ners Dewi', role: 'clinician' as const },
    };
    const registered = visitRegistered(uuidv7(), '07:30');
    const made = makeEvent(context, {
      type: 'visit.registered',
      entityId: uuidv7(),
      time: {
        occurredAt: registered.occurredAt,
        timeSource: 'manual_entry',
        at: new Date(registered.occurredAt),
      },
      source: 'direct',
      payload: registered.payload as never,
    });
    expect(made).toEqual({ ok: false, error: [{ field: '', reason: Reason.NotPermitted }] });
  });
});

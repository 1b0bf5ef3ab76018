import { describe, expect, it } from 'vitest';
import type { DeliveryTargetStatus } from '@/domain/delivery/deliveryStatus';
import { isAnnouncementSettled } from '@/features/recovery/deliveryAnnouncement';

type View = Pick<DeliveryTargetStatus, 'state' | 'counts' | 'failures'>;
const view = (
  state: View['state'],
  counts: Partial<View['counts']>,
  failures: View['failures'] = [],
): View => ({
  state,
  counts: { pending: 0, delivered: 0, retrying: 0, needs_review: 0, waiting: 0, ...counts },
  failures,
});

describe('the console’s words after an action', () => {
  it('keeps "delivery started" until the hub is running and delivering, then lets it go', () => {
    const started = { kind: 'started', deliveredBefore: 0 } as const;
    // The start has not reached the hub yet.
    expect(isAnnouncementSettled(started, view('paused', { pending: 11 }))).toBe(false);
    expect(isAnnouncementSettled(started, view('running', { pending: 11 }))).toBe(false);
    expect(isAnnouncementSettled(started, view('running', { pending: 10, delivered: 1 }))).toBe(true);
    expect(isAnnouncementSettled(started, view('running', { delivered: 11 }))).toBe(true);
  });

  it('lets "delivery started" go when nothing is left to deliver', () => {
    const started = { kind: 'started', deliveredBefore: 4 } as const;
    expect(isAnnouncementSettled(started, view('running', { delivered: 4, waiting: 2 }))).toBe(true);
  });

  it('keeps "paused" until the hub has paused', () => {
    expect(isAnnouncementSettled({ kind: 'paused' }, view('running', { pending: 3 }))).toBe(false);
    expect(isAnnouncementSettled({ kind: 'paused' }, view('paused', { pending: 3 }))).toBe(true);
  });

  it('keeps "sent again" while the reason is still listed as refused', () => {
    const retried = { kind: 'retried', code: 'unknown_doctor' } as const;
    const refused = { status: 'needs_review', code: 'unknown_doctor', message: '', count: 2 } as const;
    expect(isAnnouncementSettled(retried, view('running', { needs_review: 2 }, [refused]))).toBe(false);
    expect(isAnnouncementSettled(retried, view('running', { pending: 2 }))).toBe(true);
  });

  it('keeps a refusal until the next action', () => {
    expect(isAnnouncementSettled({ kind: 'refused', text: 'Tidak berhak' }, view('paused', {}))).toBe(false);
  });
});

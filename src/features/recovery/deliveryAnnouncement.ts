import type { DeliveryTargetStatus } from '@/domain/delivery/deliveryStatus';

/**
 * What the console said after a person's action on a target ("Pengiriman dimulai…"): it holds
 * until the hub's status shows the action done, then leaves the screen. A refusal stays until
 * the next action: the person must read it.
 */
export type DeliveryAnnouncement =
  | { kind: 'started'; deliveredBefore: number }
  | { kind: 'paused' }
  | { kind: 'retried'; code: string }
  | { kind: 'refused'; text: string };

type TargetView = Pick<DeliveryTargetStatus, 'state' | 'counts' | 'failures'>;

/** Whether the hub's latest status shows the announced action done, so the words can go. */
export function isAnnouncementSettled(announcement: DeliveryAnnouncement, target: TargetView): boolean {
  switch (announcement.kind) {
    case 'started': {
      // The start reaches the hub with the next sync: until then the hub still says paused.
      if (target.state === 'paused') return false;
      // Done once the hub delivers, or has nothing left to deliver.
      const due = target.counts.pending + target.counts.retrying;
      return target.counts.delivered > announcement.deliveredBefore || due === 0;
    }
    case 'paused':
      return target.state === 'paused';
    case 'retried':
      return !target.failures.some(
        (failure) => failure.status === 'needs_review' && failure.code === announcement.code,
      );
    case 'refused':
      return false;
  }
}

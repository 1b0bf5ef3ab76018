import type { SlipStatus } from '../projections/types';

/** The records room's steps on a slip. */
export type SlipMove = 'found' | 'not_found' | 'sent' | 'received' | 'returned';
/** Every step a slip can take: the records room's, and its withdrawal with a cancelled visit. */
export type SlipStep = SlipMove | 'cancelled';

/**
 * The records-room trail: requested → found (folder, soft-copy resume or backup) or not found →
 * sent to the poli (with a blank RM 1.2) → received at the poli → returned. A folder not found
 * can still be found later, or the poli gets a blank RM 1.2 without it. Cancelling the visit
 * withdraws the slip while the folder is still in the records room; once sent, the folder must
 * come back, so the slip stays on the worklist until it is returned.
 */
const ALLOWED_FROM: Record<SlipStep, readonly SlipStatus[]> = {
  found: ['requested', 'not_found'],
  not_found: ['requested'],
  sent: ['found', 'not_found'],
  received: ['sent'],
  returned: ['received'],
  cancelled: ['requested', 'found', 'not_found'],
};

export function canMoveSlip(status: SlipStatus, move: SlipStep): boolean {
  return ALLOWED_FROM[move].includes(status);
}

export function availableSlipMoves(status: SlipStatus): SlipMove[] {
  return (['found', 'not_found', 'sent', 'received', 'returned'] as const).filter((move) =>
    canMoveSlip(status, move),
  );
}

/** Still work for the records room (the worklist's default filter). */
export function isOpenSlip(status: SlipStatus): boolean {
  return status !== 'returned' && status !== 'cancelled';
}

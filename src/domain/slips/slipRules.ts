import type { SlipStatus } from '../projections/types';

export type SlipMove = 'found' | 'not_found' | 'sent' | 'received' | 'returned';

/**
 * The records-room trail: requested → found (folder, soft-copy resume or backup) or not found →
 * sent to the poli (with a blank RM 1.2) → received at the poli → returned. A folder not found
 * can still be found later, or the poli gets a blank RM 1.2 without it.
 */
const ALLOWED_FROM: Record<SlipMove, readonly SlipStatus[]> = {
  found: ['requested', 'not_found'],
  not_found: ['requested'],
  sent: ['found', 'not_found'],
  received: ['sent'],
  returned: ['received'],
};

export function canMoveSlip(status: SlipStatus, move: SlipMove): boolean {
  return ALLOWED_FROM[move].includes(status);
}

export function availableSlipMoves(status: SlipStatus): SlipMove[] {
  return (['found', 'not_found', 'sent', 'received', 'returned'] as const).filter((move) =>
    canMoveSlip(status, move),
  );
}

/** Still work for the records room (the worklist's default filter). */
export function isOpenSlip(status: SlipStatus): boolean {
  return status !== 'returned';
}

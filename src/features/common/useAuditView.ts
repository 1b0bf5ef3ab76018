import { useEffect } from 'react';
import { getDb, recordAudit } from '@/storage';

/** A second look within this long is the same viewing: one audit entry, not one per render. */
const SAME_VIEW_MS = 5 * 60_000;
const lastRecorded = new Map<string, number>();

/** Records that the signed-in person opened a visit or an assessment (Permenkes 24/2022). */
export function useAuditView(action: 'visit_viewed' | 'assessment_viewed', visitId: string): void {
  useEffect(() => {
    const key = `${action}:${visitId}`;
    const now = Date.now();
    if (now - (lastRecorded.get(key) ?? 0) < SAME_VIEW_MS) return;
    lastRecorded.set(key, now);
    void recordAudit(getDb(), { action, visitId });
  }, [action, visitId]);
}

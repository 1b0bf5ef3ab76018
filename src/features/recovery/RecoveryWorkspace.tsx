import { useStore } from 'zustand';
import type { EventType } from '@/domain';
import { formatFacilityTime, useFacilityNow, useRuntimeConfig } from '@/features/common';
import { EVENT_LABEL } from '@/features/visits';
import { useT, type MessageKey } from '@/i18n';
import { useJournalCounts, useReviewItems } from '@/storage';
import type { SyncEngine, SyncPhase } from '@/sync';
import { Button } from '@/ui/Button';
import { Notice } from '@/ui/Notice';
import { useNow } from '@/ui/useNow';
import { DeliveryPanel } from './DeliveryPanel';
import { useDeliveryCalls } from './RealIncident';
import { IncidentReconciliationLinks } from './ReconciliationScreen';
import { ReviewItemCard } from './ReviewItemCard';

const PHASE_LABEL: Record<SyncPhase, MessageKey> = {
  starting: 'recovery.phase.starting',
  otherTab: 'recovery.phase.otherTab',
  idle: 'recovery.phase.idle',
  syncing: 'recovery.phase.syncing',
  retrying: 'recovery.phase.retrying',
  offline: 'recovery.phase.offline',
  notEnrolled: 'recovery.phase.notEnrolled',
  authFailed: 'recovery.phase.authFailed',
};

function BulkProgress({
  bulk,
  now,
}: {
  bulk: { total: number; done: number; startedAt: number };
  now: number;
}) {
  const t = useT();
  const seconds = Math.max(0.001, (now - bulk.startedAt) / 1_000);
  const rate = bulk.done / seconds;
  const remaining = rate > 0 ? Math.ceil((bulk.total - bulk.done) / rate) : undefined;
  return (
    <div className="bulk-progress">
      <label htmlFor="bulk-progress">{t('recovery.progress', { done: bulk.done, total: bulk.total })}</label>
      <progress id="bulk-progress" max={bulk.total} value={bulk.done} />
      <p>
        {t('recovery.rate', { rate: Math.round(rate) })}
        {remaining !== undefined ? ` · ${t('recovery.remaining', { seconds: remaining })}` : ''}
      </p>
    </div>
  );
}

/** Pemulihan: what is still on this device only, what the hub refused, and syncing on demand. */
export function RecoveryWorkspace({
  sync,
  reachableHub,
}: {
  sync: SyncEngine;
  reachableHub: () => string | undefined;
}) {
  const t = useT();
  const config = useRuntimeConfig();
  const status = useStore(sync.store);
  const counts = useJournalCounts();
  const review = useReviewItems();
  const { now } = useFacilityNow(config?.facility.timeZone);
  const tick = useNow(1_000, Boolean(status.bulk));
  const zone = config?.facility.timeZone ?? 'Asia/Jakarta';
  const deliveryCalls = useDeliveryCalls(reachableHub);
  const time = (ms: number | undefined) => (ms ? formatFacilityTime(new Date(ms).toISOString(), zone) : '—');
  const byType = Object.entries(counts?.openByType ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const states: [MessageKey, number | undefined][] = [
    ['recovery.state.pending', counts?.byState.pending],
    ['recovery.state.sending', status.sending],
    ['recovery.state.acked', counts?.byState.acked],
    ['recovery.state.review', counts?.byState.review],
    ['recovery.state.resolved', counts?.byState.resolved],
  ];
  return (
    <>
      <h1>{t('nav.recovery')}</h1>
      <p className="lead">{t('recovery.intro')}</p>
      <section className="form-card" aria-labelledby="recovery-sync">
        <h2 id="recovery-sync">{t('recovery.syncTitle')}</h2>
        <p role="status">{t(PHASE_LABEL[status.phase])}</p>
        <dl className="summary-list">
          <div>
            <dt>{t('recovery.lastSuccess')}</dt>
            <dd>{time(status.lastSuccessAt)}</dd>
          </div>
          {status.phase === 'retrying' ? (
            <div>
              <dt>{t('recovery.nextAttempt')}</dt>
              <dd>{time(status.nextAttemptAt)}</dd>
            </div>
          ) : null}
        </dl>
        {status.bulk ? <BulkProgress bulk={status.bulk} now={tick} /> : null}
        <Button variant="primary" onClick={sync.syncNow}>
          {t('recovery.syncNow')}
        </Button>
        {status.unverifiedPulled > 0 ? (
          <Notice tone="danger" title={t('recovery.unverified', { count: status.unverifiedPulled })} />
        ) : null}
        {status.unreadablePulled > 0 ? (
          <Notice tone="warning" title={t('recovery.unreadable', { count: status.unreadablePulled })} />
        ) : null}
        <table className="data-table recovery-counts">
          <caption>{t('recovery.countsCaption')}</caption>
          <tbody>
            {states.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{t(label)}</th>
                <td>{value ?? '…'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {byType.length > 0 ? (
          <table className="data-table">
            <caption>{t('recovery.byTypeCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('recovery.type')}</th>
                <th scope="col">{t('recovery.state.pending')}</th>
                <th scope="col">{t('recovery.state.review')}</th>
              </tr>
            </thead>
            <tbody>
              {byType.map(([type, entry]) => (
                <tr key={type}>
                  <td>{EVENT_LABEL[type as EventType] ? t(EVENT_LABEL[type as EventType]) : type}</td>
                  <td>{entry.pending}</td>
                  <td>{entry.review}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <DeliveryPanel calls={deliveryCalls} config={config} zone={zone} />
      <IncidentReconciliationLinks />
      <section aria-labelledby="recovery-review">
        <h2 id="recovery-review">{t('recovery.reviewTitle', { count: review?.length ?? 0 })}</h2>
        {review && review.length === 0 ? <p>{t('recovery.reviewEmpty')}</p> : null}
        <ul className="review-list">
          {(review ?? []).map((item) => (
            <ReviewItemCard key={item.event.id} item={item} zone={zone} />
          ))}
        </ul>
      </section>
      <p className="field__hint">
        {t('recovery.clockNow', { time: formatFacilityTime(now.toISOString(), zone) })}
      </p>
    </>
  );
}

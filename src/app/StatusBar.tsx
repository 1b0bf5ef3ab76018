import { useStore } from 'zustand';
import { INTL_LOCALE, useLanguage, useT } from '@/i18n';
import { storageStatusStore, usePendingCount } from '@/storage';
import { formatBytes } from '@/ui/formatBytes';
import { useNow } from '@/ui/useNow';
import { useAppServices } from './AppServicesContext';
import { serviceWorkerStore } from './serviceWorker';

function HubStatus() {
  const t = useT();
  const { hubProbe } = useAppServices();
  const connection = useStore(hubProbe.store);
  const now = useNow(1_000, connection.state === 'unreachable');

  if (connection.state === 'checking') {
    return <li className="status-item status-item--neutral">{t('status.hub.checking')}</li>;
  }
  if (connection.state === 'reachable') {
    return (
      <li className="status-item status-item--good" data-hub="reachable">
        {t(connection.viaBackup ? 'status.hub.reachableBackup' : 'status.hub.reachable')}
      </li>
    );
  }
  const seconds = Math.max(0, Math.ceil((connection.nextProbeAt - now) / 1_000));
  return (
    <li className="status-item status-item--bad" data-hub="unreachable">
      {t('status.hub.unreachable')}
      <span className="status-item__detail">{t('status.hub.retryIn', { seconds })}</span>
    </li>
  );
}

function PendingStatus() {
  const t = useT();
  const count = usePendingCount();
  if (count === undefined) return <li className="status-item">{t('status.pending.loading')}</li>;
  return (
    <li className={`status-item ${count > 0 ? 'status-item--warn' : ''}`}>
      {t('status.pending', { count })}
    </li>
  );
}

function StorageStatus() {
  const t = useT();
  const language = useLanguage();
  const status = useStore(storageStatusStore);
  const label =
    status.persisted === true
      ? t('status.storage.persisted')
      : status.persisted === false
        ? t('status.storage.notPersisted')
        : status.persisted === 'unsupported'
          ? t('status.storage.unsupported')
          : t('status.storage.unknown');
  const tone = status.persisted === true ? 'good' : status.persisted === 'unknown' ? 'neutral' : 'warn';
  const hasUsage = status.usageBytes !== undefined && status.quotaBytes !== undefined;
  return (
    <li className={`status-item status-item--${tone}`}>
      {label}
      {hasUsage ? (
        <span className="status-item__detail">
          {t('status.storage.usage', {
            usage: formatBytes(status.usageBytes ?? 0, INTL_LOCALE[language]),
            quota: formatBytes(status.quotaBytes ?? 0, INTL_LOCALE[language]),
          })}
        </span>
      ) : null}
    </li>
  );
}

function OfflineStatus() {
  const t = useT();
  const { supported, offlineReady, updateWaiting, updateDeferred } = useStore(serviceWorkerStore);
  return (
    <>
      <li className={`status-item status-item--${offlineReady ? 'good' : 'neutral'}`}>
        {t(
          !supported
            ? 'status.offline.unavailable'
            : offlineReady
              ? 'status.offline.ready'
              : 'status.offline.preparing',
        )}
      </li>
      {updateWaiting && updateDeferred ? (
        <li className="status-item">
          <button
            type="button"
            className="status-item__button"
            onClick={() => serviceWorkerStore.setState({ updateDeferred: false })}
          >
            {t('update.pendingBadge')}
          </button>
        </li>
      ) : null}
    </>
  );
}

/** Shown on every screen: can we reach the hub, what is unsynced, is the device safe to work on. */
export function StatusBar() {
  const t = useT();
  return (
    <section className="status-bar" aria-label={t('status.label')}>
      <ul className="status-bar__items" aria-live="polite">
        <HubStatus />
        <PendingStatus />
        <StorageStatus />
        <OfflineStatus />
      </ul>
    </section>
  );
}

import { useStore } from 'zustand';
import { INTL_LOCALE, useLanguage, useT } from '@/i18n';
import { storageStatusStore, useClockOffset, usePendingCount, useReviewCount } from '@/storage';
import { formatFacilityTime, paths, useRuntimeConfig } from '@/features/common';
import { onLinkClick } from '@/ui/navigation';
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

/** Where syncing stands: sent, sending, retrying, or waiting for enrollment. */
function SyncStatusItem() {
  const t = useT();
  const { sync } = useAppServices();
  const status = useStore(sync.store);
  const config = useRuntimeConfig();
  const review = useReviewCount() ?? 0;
  const lastSync =
    status.lastSuccessAt && config
      ? formatFacilityTime(new Date(status.lastSuccessAt).toISOString(), config.facility.timeZone)
      : undefined;
  const phaseText = {
    starting: undefined,
    offline: undefined,
    idle: lastSync ? t('status.sync.done', { time: lastSync }) : undefined,
    syncing: t('status.sync.running', { count: status.sending }),
    retrying: t('status.sync.retrying'),
    notEnrolled: t('status.sync.notEnrolled'),
    authFailed: t('status.sync.authFailed'),
    otherTab: t('status.sync.otherTab'),
  }[status.phase];
  const needsAction = status.phase === 'notEnrolled' || status.phase === 'authFailed';
  return (
    <>
      {phaseText ? (
        <li
          className={`status-item status-item--${needsAction || status.phase === 'retrying' ? 'warn' : 'neutral'}`}
        >
          {needsAction ? (
            <a className="status-item__link" href={paths.settingsSection('hub')} onClick={onLinkClick}>
              {phaseText}
            </a>
          ) : (
            phaseText
          )}
        </li>
      ) : null}
      {review > 0 ? (
        <li className="status-item status-item--bad">
          <a className="status-item__link" href={paths.recovery} onClick={onLinkClick}>
            {t('status.sync.review', { count: review })}
          </a>
        </li>
      ) : null}
    </>
  );
}

/** A device clock more than two minutes off the hub's would stamp wrong times on everything [P13]. */
export const CLOCK_WARNING_MS = 2 * 60_000;

function ClockStatus() {
  const t = useT();
  const offset = useClockOffset();
  if (!offset || Math.abs(offset.offsetMs) <= CLOCK_WARNING_MS) return null;
  const minutes = Math.round(Math.abs(offset.offsetMs) / 60_000);
  return (
    <li className="status-item status-item--bad" role="alert">
      {t(offset.offsetMs > 0 ? 'status.clock.behind' : 'status.clock.ahead', { minutes })}
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
        <SyncStatusItem />
        <ClockStatus />
        <StorageStatus />
        <OfflineStatus />
      </ul>
    </section>
  );
}

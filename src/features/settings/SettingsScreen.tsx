import { useState, type ComponentProps } from 'react';
import { useStore } from 'zustand';
import { formatDateTime, INTL_LOCALE, useLanguage, useT } from '@/i18n';
import { AccountsAdmin, MyAccount } from '@/features/account';
import { useSessionUser, type AccountActions, type Session } from '@/session';
import {
  storageStatusStore,
  useDeviceSetup,
  useStoredRuntimeConfig,
  type StoredRuntimeConfig,
} from '@/storage';
import type { HubConnection } from '@/sync';
import { Button } from '@/ui/Button';
import { BackupSettings } from './BackupSettings';
import { HubEnrollment } from './HubEnrollment';
import { LanguageSetting } from '@/features/language';
import { formatBytes } from '@/ui/formatBytes';

type UpdateCheckOutcome = 'updateFound' | 'upToDate' | 'failed';

export type SettingsScreenProps = {
  session: Session;
  accounts: AccountActions;
  onEnroll: ComponentProps<typeof HubEnrollment>['onEnroll'];
  appVersion: string;
  hubConnection: HubConnection;
  onRequestPersistence: () => Promise<void>;
  onCheckForUpdate: () => Promise<UpdateCheckOutcome>;
};

function StorageSettings({ onRequestPersistence }: Pick<SettingsScreenProps, 'onRequestPersistence'>) {
  const t = useT();
  const language = useLanguage();
  const status = useStore(storageStatusStore);
  return (
    <section aria-labelledby="settings-storage">
      <h2 id="settings-storage">{t('settings.storage.title')}</h2>
      <p>
        {status.persisted === true
          ? t('settings.storage.persisted')
          : status.persisted === 'unsupported'
            ? t('settings.storage.unsupported')
            : t('settings.storage.notPersisted')}
      </p>
      {status.usageBytes !== undefined && status.quotaBytes !== undefined ? (
        <p>
          {t('settings.storage.usage', {
            usage: formatBytes(status.usageBytes, INTL_LOCALE[language]),
            quota: formatBytes(status.quotaBytes, INTL_LOCALE[language]),
          })}
        </p>
      ) : null}
      {status.persisted === false ? (
        <Button onClick={() => void onRequestPersistence()}>{t('settings.storage.request')}</Button>
      ) : null}
    </section>
  );
}

function AppSettings({
  appVersion,
  onCheckForUpdate,
}: Pick<SettingsScreenProps, 'appVersion' | 'onCheckForUpdate'>) {
  const t = useT();
  const [check, setCheck] = useState<'idle' | 'checking' | UpdateCheckOutcome>('idle');
  return (
    <section aria-labelledby="settings-app">
      <h2 id="settings-app">{t('settings.app.title')}</h2>
      <p data-testid="app-version">{t('app.version', { version: appVersion })}</p>
      <Button
        disabled={check === 'checking'}
        onClick={() => {
          setCheck('checking');
          void onCheckForUpdate().then(setCheck);
        }}
      >
        {t(check === 'checking' ? 'update.checking' : 'update.checkNow')}
      </Button>
      <p role="status">
        {check === 'upToDate' ? t('update.upToDate') : check === 'failed' ? t('update.checkFailed') : null}
      </p>
    </section>
  );
}

function HubSettings({
  hubConnection,
  timeZone,
}: {
  hubConnection: HubConnection;
  timeZone: string | undefined;
}) {
  const t = useT();
  const language = useLanguage();
  const lastContactAt = hubConnection.state === 'checking' ? undefined : hubConnection.lastContactAt;
  return (
    <section aria-labelledby="settings-hub">
      <h2 id="settings-hub">{t('settings.hub.title')}</h2>
      <p>
        {lastContactAt !== undefined
          ? t('settings.hub.lastContact', { time: formatDateTime(lastContactAt, language, timeZone) })
          : t('settings.hub.never')}
      </p>
      {hubConnection.state === 'reachable' ? (
        <p>{t('settings.hub.version', { version: hubConnection.hubVersion })}</p>
      ) : null}
    </section>
  );
}

function ConfigSummary({ storedConfig }: { storedConfig: StoredRuntimeConfig }) {
  const t = useT();
  const language = useLanguage();
  const { facility, polis } = storedConfig.config;
  const rows: [string, string][] = [
    [t('config.facility'), facility.name],
    [t('config.facilityCode'), facility.code],
    [t('config.timeZone'), facility.timeZone],
    [t('config.polis'), String(polis.length)],
    [t('config.fetchedAt'), formatDateTime(new Date(storedConfig.fetchedAt), language, facility.timeZone)],
  ];
  return (
    <section aria-labelledby="settings-config">
      <h2 id="settings-config">{t('config.title')}</h2>
      <dl className="summary-list">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function DeviceSettings() {
  const t = useT();
  const language = useLanguage();
  const setup = useDeviceSetup();
  if (!setup) return null;
  return (
    <section aria-labelledby="settings-device">
      <h2 id="settings-device">{t('setup.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('setup.deviceCode')}</dt>
          <dd>{setup.device.deviceCode}</dd>
        </div>
        <div>
          <dt>{t('setup.setUpAt')}</dt>
          <dd>{formatDateTime(Date.parse(setup.device.setUpAt), language, undefined)}</dd>
        </div>
      </dl>
    </section>
  );
}

export function SettingsScreen(props: SettingsScreenProps) {
  const t = useT();
  const user = useSessionUser(props.session);
  // Device setup, enrollment and accounts are IT's (Permenkes 24/2022: rights per person).
  const isAdmin = user?.role === 'admin';
  const storedConfig = useStoredRuntimeConfig();
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <LanguageSetting />
      {user ? <MyAccount session={props.session} accounts={props.accounts} user={user} /> : null}
      <DeviceSettings />
      {isAdmin ? <HubEnrollment onEnroll={props.onEnroll} /> : null}
      {user && isAdmin ? <AccountsAdmin accounts={props.accounts} currentUserId={user.userId} /> : null}
      <StorageSettings onRequestPersistence={props.onRequestPersistence} />
      {user ? <BackupSettings /> : null}
      {storedConfig ? <ConfigSummary storedConfig={storedConfig} /> : null}
      <HubSettings hubConnection={props.hubConnection} timeZone={storedConfig?.config.facility.timeZone} />
      <AppSettings appVersion={props.appVersion} onCheckForUpdate={props.onCheckForUpdate} />
    </>
  );
}

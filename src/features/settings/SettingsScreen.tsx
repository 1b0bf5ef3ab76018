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
import { DeviceProfilesAdmin } from './DeviceProfilesAdmin';
import { HubEnrollment } from './HubEnrollment';
import { LanguageSetting } from '@/features/language';
import { formatBytes } from '@/ui/formatBytes';
import { onLinkClick } from '@/ui/navigation';
import { Notice } from '@/ui/Notice';
import { paths, SETTINGS_SECTIONS, type SettingsSection } from '@/features/common';
import { useSettingsT } from '@/i18n/settings';

type UpdateCheckOutcome = 'updateFound' | 'upToDate' | 'failed';

export type SettingsScreenProps = {
  session: Session;
  accounts: AccountActions;
  onEnroll: ComponentProps<typeof HubEnrollment>['onEnroll'];
  appVersion: string;
  hubConnection: HubConnection;
  onRequestPersistence: () => Promise<void>;
  onCheckForUpdate: () => Promise<UpdateCheckOutcome>;
  /** The hub this device reaches now, for IT's device administration. */
  reachableHub: () => string | undefined;
};

function StorageSettings({ onRequestPersistence }: Pick<SettingsScreenProps, 'onRequestPersistence'>) {
  const ts = useSettingsT();
  const language = useLanguage();
  const status = useStore(storageStatusStore);
  return (
    <section aria-labelledby="settings-storage">
      <h2 id="settings-storage">{ts('storage.title')}</h2>
      <p>
        {status.persisted === true
          ? ts('storage.persisted')
          : status.persisted === 'unsupported'
            ? ts('storage.unsupported')
            : ts('storage.notPersisted')}
      </p>
      {status.usageBytes !== undefined && status.quotaBytes !== undefined ? (
        <p>
          {ts('storage.usage', {
            usage: formatBytes(status.usageBytes, INTL_LOCALE[language]),
            quota: formatBytes(status.quotaBytes, INTL_LOCALE[language]),
          })}
        </p>
      ) : null}
      {status.persisted === false ? (
        <Button onClick={() => void onRequestPersistence()}>{ts('storage.request')}</Button>
      ) : null}
    </section>
  );
}

function AppSettings({
  appVersion,
  onCheckForUpdate,
}: Pick<SettingsScreenProps, 'appVersion' | 'onCheckForUpdate'>) {
  const ts = useSettingsT();
  const t = useT();
  const [check, setCheck] = useState<'idle' | 'checking' | UpdateCheckOutcome>('idle');
  return (
    <section aria-labelledby="settings-app">
      <h2 id="settings-app">{ts('app.title')}</h2>
      <p data-testid="app-version">{t('app.version', { version: appVersion })}</p>
      <Button
        disabled={check === 'checking'}
        onClick={() => {
          setCheck('checking');
          void onCheckForUpdate().then(setCheck);
        }}
      >
        {ts(check === 'checking' ? 'update.checking' : 'update.checkNow')}
      </Button>
      <p role="status">
        {check === 'upToDate' ? ts('update.upToDate') : check === 'failed' ? ts('update.checkFailed') : null}
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
  const ts = useSettingsT();
  const language = useLanguage();
  const lastContactAt = hubConnection.state === 'checking' ? undefined : hubConnection.lastContactAt;
  return (
    <section aria-labelledby="settings-hub">
      <h2 id="settings-hub">{ts('hub.title')}</h2>
      <p>
        {lastContactAt !== undefined
          ? ts('hub.lastContact', { time: formatDateTime(lastContactAt, language, timeZone) })
          : ts('hub.never')}
      </p>
      {hubConnection.state === 'reachable' ? (
        <p>{ts('hub.version', { version: hubConnection.hubVersion })}</p>
      ) : null}
    </section>
  );
}

function ConfigSummary({ storedConfig }: { storedConfig: StoredRuntimeConfig }) {
  const ts = useSettingsT();
  const language = useLanguage();
  const { facility, polis } = storedConfig.config;
  const rows: [string, string][] = [
    [ts('config.facility'), facility.name],
    [ts('config.facilityCode'), facility.code],
    [ts('config.timeZone'), facility.timeZone],
    [ts('config.polis'), String(polis.length)],
    [ts('config.fetchedAt'), formatDateTime(new Date(storedConfig.fetchedAt), language, facility.timeZone)],
  ];
  return (
    <section aria-labelledby="settings-config">
      <h2 id="settings-config">{ts('config.title')}</h2>
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

/** The sections IT alone may see (accounts are IT's: Permenkes 24/2022, rights per person). */
const IT_SECTIONS: readonly SettingsSection[] = ['pengguna'];

function SectionNav({ current, isAdmin }: { current: SettingsSection; isAdmin: boolean }) {
  const ts = useSettingsT();
  return (
    <nav aria-label={ts('sections')}>
      <ul className="section-nav">
        {SETTINGS_SECTIONS.filter((section) => isAdmin || !IT_SECTIONS.includes(section)).map((section) => (
          <li key={section}>
            <a
              href={paths.settingsSection(section)}
              className="section-nav__link"
              aria-current={section === current ? 'page' : undefined}
              onClick={onLinkClick}
            >
              {ts(`section.${section}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SectionContent({
  section,
  isAdmin,
  ...props
}: SettingsScreenProps & { section: SettingsSection; isAdmin: boolean }) {
  const ts = useSettingsT();
  const user = useSessionUser(props.session);
  const storedConfig = useStoredRuntimeConfig();
  if (IT_SECTIONS.includes(section) && !isAdmin) return <Notice tone="info" title={ts('itOnly')} />;
  switch (section) {
    case 'akun':
      return (
        <>
          <LanguageSetting />
          {user ? <MyAccount session={props.session} accounts={props.accounts} user={user} /> : null}
        </>
      );
    case 'pengguna':
      return user ? <AccountsAdmin accounts={props.accounts} currentUserId={user.userId} /> : null;
    case 'hub':
      return (
        <>
          {isAdmin ? <HubEnrollment onEnroll={props.onEnroll} /> : null}
          {isAdmin && user ? (
            <DeviceProfilesAdmin username={user.username} reachableHub={props.reachableHub} />
          ) : null}
          <HubSettings
            hubConnection={props.hubConnection}
            timeZone={storedConfig?.config.facility.timeZone}
          />
          {storedConfig ? <ConfigSummary storedConfig={storedConfig} /> : null}
        </>
      );
    case 'perangkat':
      return (
        <>
          <DeviceSettings />
          <StorageSettings onRequestPersistence={props.onRequestPersistence} />
          <AppSettings appVersion={props.appVersion} onCheckForUpdate={props.onCheckForUpdate} />
        </>
      );
    case 'cadangan':
      return user ? <BackupSettings /> : null;
  }
}

/**
 * Pengaturan, one section at a time, each at its own address (`/pengaturan/hub`…) and reached
 * from the section navigation by link or keyboard: the whole page was too long to find anything.
 */
export function SettingsScreen({ section, ...props }: SettingsScreenProps & { section: SettingsSection }) {
  const ts = useSettingsT();
  const user = useSessionUser(props.session);
  const isAdmin = user?.role === 'admin';
  return (
    <>
      <h1>{ts('title')}</h1>
      <SectionNav current={section} isAdmin={isAdmin} />
      <p className="lead">{ts(`intro.${section}`)}</p>
      <SectionContent section={section} isAdmin={isAdmin} {...props} />
    </>
  );
}

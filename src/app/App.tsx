import { useEffect } from 'react';
import { useStore } from 'zustand';
import { SettingsScreen } from '@/features/settings';
import { useLanguage, useT } from '@/i18n';
import { useStoredRuntimeConfig } from '@/storage';
import { AppHeader } from './AppHeader';
import { AppServicesContext } from './AppServicesContext';
import { ConfigNotice } from './ConfigNotice';
import { DatabaseUpgradeNotice } from './DatabaseUpgradeNotice';
import { HomeScreen } from './HomeScreen';
import { NotBuiltWorkspace } from './NotBuiltWorkspace';
import { matchRoute, usePathname, WORKSPACES, type Route } from './router';
import type { AppServices } from './startServices';
import { StatusBar } from './StatusBar';
import { UpdatePrompt } from './UpdatePrompt';
import { WORKSPACE_PURPOSE } from './workspacePurpose';

function RouteContent({ route, services }: { route: Route; services: AppServices }) {
  const storedConfig = useStoredRuntimeConfig();
  const hubConnection = useStore(services.hubProbe.store);
  switch (route.name) {
    case 'home':
    case 'notFound':
      return <HomeScreen />;
    case 'settings':
      return (
        <SettingsScreen
          appVersion={__APP_VERSION__}
          hubConnection={hubConnection}
          storedConfig={storedConfig}
          onRequestPersistence={services.requestPersistence}
          onCheckForUpdate={services.serviceWorker.checkForUpdate}
        />
      );
    default: {
      const workspace = WORKSPACES.find((entry) => entry.name === route.name);
      return workspace ? (
        <NotBuiltWorkspace title={workspace.label} purpose={WORKSPACE_PURPOSE[route.name]} />
      ) : null;
    }
  }
}

export const SHELL_READY_MARK = 'siaga:shell-ready';

export function App({ services }: { services: AppServices }) {
  const t = useT();
  const language = useLanguage();
  const storedConfig = useStoredRuntimeConfig();
  const route = matchRoute(usePathname());

  useEffect(() => {
    // Start-up time as users feel it; read by bench/startup.bench.ts.
    performance.mark(SHELL_READY_MARK);
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.name');
  }, [language, t]);

  return (
    <AppServicesContext.Provider value={services}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader facilityName={storedConfig?.config.facility.name} />
      <StatusBar />
      <div className="app-notices">
        <DatabaseUpgradeNotice />
        <UpdatePrompt />
        {storedConfig !== undefined ? <ConfigNotice stored={storedConfig} /> : null}
      </div>
      <main id="main" className="app-main" tabIndex={-1}>
        <RouteContent route={route} services={services} />
      </main>
      <footer className="app-footer">{t('app.version', { version: __APP_VERSION__ })}</footer>
    </AppServicesContext.Provider>
  );
}

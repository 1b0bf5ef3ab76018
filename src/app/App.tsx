import { lazy, Suspense, useEffect } from 'react';
import { matchRoute, type Route } from '@/features/common';
import { useLanguage, useT, withMessages } from '@/i18n';
import { useSessionUser } from '@/session';
import { useStoredRuntimeConfig } from '@/storage';
import { usePathname } from '@/ui/navigation';
import { AppHeader } from './AppHeader';
import { AppServicesContext } from './AppServicesContext';
import { ConfigNotice } from './ConfigNotice';
import { DatabaseUpgradeNotice } from './DatabaseUpgradeNotice';
import { RouteContent } from './RouteContent';
import { IncidentBanner } from './IncidentBanner';
import type { AppServices } from './startServices';
import { StatusBar } from './StatusBar';
import { UpdatePrompt } from './UpdatePrompt';
import { SessionGate } from './SessionGate';

const QueueDisplay = lazy(() =>
  withMessages(import('@/features/queue')).then((m) => ({ default: m.QueueDisplay })),
);

export const SHELL_READY_MARK = 'siaga:shell-ready';

/** The waiting-room screen fills the display: no navigation, no status bar. */
function WaitingRoomDisplay({ route }: { route: Extract<Route, { name: 'queueDisplay' }> }) {
  const stored = useStoredRuntimeConfig();
  if (!stored) return null;
  return (
    <Suspense fallback={null}>
      <QueueDisplay config={stored.config} poliCode={route.poliCode} />
    </Suspense>
  );
}

export function App({ services }: { services: AppServices }) {
  const t = useT();
  const language = useLanguage();
  const storedConfig = useStoredRuntimeConfig();
  const route = matchRoute(usePathname());
  const user = useSessionUser(services.session);

  useEffect(() => {
    // Start-up time as users feel it; read by bench/startup.bench.ts.
    performance.mark(SHELL_READY_MARK);
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.name');
  }, [language, t]);

  if (route.name === 'queueDisplay') {
    return (
      <AppServicesContext.Provider value={services}>
        <WaitingRoomDisplay route={route} />
      </AppServicesContext.Provider>
    );
  }
  return (
    <AppServicesContext.Provider value={services}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader facilityName={storedConfig?.config.facility.name} role={user?.role} />
      <StatusBar />
      <div className="app-notices">
        <DatabaseUpgradeNotice />
        <IncidentBanner />
        <UpdatePrompt />
        {storedConfig !== undefined ? <ConfigNotice stored={storedConfig} /> : null}
      </div>
      <main id="main" className="app-main" tabIndex={-1}>
        <SessionGate session={services.session}>
          <RouteContent route={route} services={services} />
        </SessionGate>
      </main>
      <footer className="app-footer">{t('app.version', { version: __APP_VERSION__ })}</footer>
    </AppServicesContext.Provider>
  );
}

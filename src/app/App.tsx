import { lazy, Suspense, useEffect } from 'react';
import { useStore } from 'zustand';
import { matchRoute, type Route } from '@/features/common';
import { useLanguage, useT, withMessages } from '@/i18n';
import { useSessionUser } from '@/session';
import { useStoredRuntimeConfig } from '@/storage';
import { usePathname } from '@/ui/navigation';
import { AppHeader } from './AppHeader';
import { AppServicesContext } from './AppServicesContext';
import { ConfigNotice } from './ConfigNotice';
import { markFirstScreenShown } from './firstScreen';
import { DatabaseUpgradeNotice } from './DatabaseUpgradeNotice';
import { routedScreens } from './lazyScreens';
import { IncidentBanner } from './IncidentBanner';
import type { AppServices } from './startServices';
import { StatusBar } from './StatusBar';
import { UpdateNotice } from './UpdateNotice';
import { SessionGate } from './SessionGate';

const WaitingRoomScreen = lazy(() =>
  withMessages(import('@/features/queue')).then((m) => ({ default: m.WaitingRoomScreen })),
);

export const SHELL_READY_MARK = 'siaga:shell-ready';

/**
 * The waiting-room screen fills the display: no navigation, no status bar. On a device never set
 * up (or without the hospital's configuration) it says how to set it up instead.
 */
function WaitingRoomDisplay({
  route,
  session,
}: {
  route: Extract<Route, { name: 'queueDisplay' }>;
  session: AppServices['session'];
}) {
  const stored = useStoredRuntimeConfig();
  const status = useStore(session.store, (state) => state.status);
  const ready = stored !== undefined && status !== 'starting';
  useEffect(() => {
    if (ready) markFirstScreenShown();
  }, [ready]);
  if (!ready) return null;
  return (
    <Suspense fallback={null}>
      <WaitingRoomScreen config={stored?.config} deviceSetUp={status !== 'setUp'} poliCode={route.poliCode} />
    </Suspense>
  );
}

/** The signed-in screens, from their own chunk (loaded ahead, once the first screen is shown). */
function Routed({ route, services }: { route: Route; services: AppServices }) {
  const screens = routedScreens.useModule();
  return screens ? <screens.RouteContent route={route} services={services} /> : null;
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
        <WaitingRoomDisplay route={route} session={services.session} />
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
        <UpdateNotice />
        {storedConfig !== undefined ? <ConfigNotice stored={storedConfig} /> : null}
      </div>
      <main id="main" className="app-main" tabIndex={-1}>
        <SessionGate session={services.session}>
          <Routed route={route} services={services} />
        </SessionGate>
      </main>
      <footer className="app-footer">{t('app.version', { version: __APP_VERSION__ })}</footer>
    </AppServicesContext.Provider>
  );
}

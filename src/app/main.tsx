import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { matchRoute } from '@/features/common';
import { restoreLanguage } from '@/i18n';
import { App } from './App';
import { firstScreenShown } from './firstScreen';
import { gateScreens, routedScreens } from './lazyScreens';
import { startServices } from './startServices';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// WebCrypto and service workers exist only in a secure context (HTTPS, or this machine): without
// them the device could store nothing safely, so nothing starts and the first paint says why.
const secure = window.isSecureContext && globalThis.crypto?.subtle !== undefined;
const services = secure ? startServices() : undefined;
// Every cold start shows a gate screen (set-up, sign-in or lock): fetch it beside the first render.
// What a signed-in person sees loads once that first screen is up. A failed load is reported by
// the screen that needs it (it tries again). The waiting-room display needs neither.
if (services && matchRoute(window.location.pathname).name !== 'queueDisplay') {
  void gateScreens.load().catch(() => undefined);
  void firstScreenShown.then(() => routedScreens.load()).catch(() => undefined);
}
const InsecureContextScreen = lazy(() =>
  import('./InsecureContextScreen').then((module) => ({ default: module.InsecureContextScreen })),
);
// Render even if the remembered language cannot load: Bahasa Indonesia is always there.
void restoreLanguage()
  .catch(() => undefined)
  .then(() =>
    createRoot(container).render(
      <StrictMode>
        {services ? (
          <App services={services} />
        ) : (
          <Suspense fallback={null}>
            <InsecureContextScreen />
          </Suspense>
        )}
      </StrictMode>,
    ),
  );

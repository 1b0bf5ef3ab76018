import { lazy, Suspense } from 'react';
import { useStore } from 'zustand';
import { useSessionUser } from '@/session';
import { useAppServices } from './AppServicesContext';
import { SimrsDownNotice } from './SimrsDownNotice';

// Incidents are readable only once someone is signed in: their banner loads then, keeping the
// first screen (sign-in) light.
const SignedInBanner = lazy(() =>
  import('./OpenIncidentBanner').then((m) => ({ default: m.SignedInBanner })),
);

/**
 * On every screen: the open downtime incident with the SOP's one-hour failover countdown (or the
 * running drill), and a prompt to close it once the hub sees the SIMRS back.
 */
export function IncidentBanner() {
  const services = useAppServices();
  const connection = useStore(services.hubProbe.store);
  const user = useSessionUser(services.session);
  if (!user) return <SimrsDownNotice connection={connection} />;
  return (
    <Suspense fallback={<SimrsDownNotice connection={connection} />}>
      <SignedInBanner connection={connection} />
    </Suspense>
  );
}

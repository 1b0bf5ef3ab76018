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
 * On every screen: the open downtime incident (or the running drill) in one line, with IT's
 * one-hour failover countdown and a prompt to close it once the hub sees the SIMRS back.
 */
export function IncidentBanner() {
  const services = useAppServices();
  const connection = useStore(services.hubProbe.store);
  const user = useSessionUser(services.session);
  if (!user) return <SimrsDownNotice connection={connection} />;
  return (
    <Suspense fallback={<SimrsDownNotice connection={connection} />}>
      <SignedInBanner connection={connection} role={user.role} />
    </Suspense>
  );
}

import { useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { LanguageSetting } from '@/features/language';
import type { Session, SessionState } from '@/session';
import { useStoredRuntimeConfig } from '@/storage';
import { markFirstScreenShown } from './firstScreen';
import { gateScreens } from './lazyScreens';

/**
 * Nothing with patient data renders unless someone is signed in. Locking swaps the whole routed
 * tree for the lock screen, so React drops every screen's state (lists, forms, search results).
 */
export function SessionGate({ session, children }: { session: Session; children: ReactNode }) {
  const state = useStore(session.store);
  if (state.status === 'unlocked') return <>{children}</>;
  return (
    <div className="gate-page">
      <GateScreen session={session} state={state} />
      <LanguageSetting />
    </div>
  );
}

function GateScreen({
  session,
  state,
}: {
  session: Session;
  state: Exclude<SessionState, { status: 'unlocked' }>;
}) {
  const config = useStoredRuntimeConfig();
  // Loaded from the first render on, beside the session's start (the gate screens are a lazy chunk).
  const screens = gateScreens.useModule();
  const shown = screens !== undefined && state.status !== 'starting';
  useEffect(() => {
    if (shown) markFirstScreenShown();
  }, [shown]);
  if (!screens) return null;
  switch (state.status) {
    case 'starting':
      return null;
    case 'setUp':
      return (
        <screens.SetUpDeviceScreen
          session={session}
          existingDeviceCode={state.existingDeviceCode}
          configReady={config !== undefined && config !== null}
        />
      );
    case 'signedOut':
      return <screens.SignInGate session={session} joined={state.joined} />;
    case 'locked':
      return <screens.LockScreen session={session} user={state.user} reason={state.reason} pin={state.pin} />;
  }
}

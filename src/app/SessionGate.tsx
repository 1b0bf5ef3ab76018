import { lazy, Suspense, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { LanguageSetting } from '@/features/language';
import { withMessages } from '@/i18n';
import type { Session, SessionState } from '@/session';
import { useStoredRuntimeConfig } from '@/storage';

// The gate screens load on demand: a signed-in session reloads straight into its workspace.
const SetUpDeviceScreen = lazy(() =>
  withMessages(import('@/features/account')).then((m) => ({ default: m.SetUpDeviceScreen })),
);
const SignInGate = lazy(() =>
  withMessages(import('@/features/account')).then((m) => ({ default: m.SignInGate })),
);
const LockScreen = lazy(() =>
  withMessages(import('@/features/account')).then((m) => ({ default: m.LockScreen })),
);

/**
 * Nothing with patient data renders unless someone is signed in. Locking swaps the whole routed
 * tree for the lock screen, so React drops every screen's state (lists, forms, search results).
 */
export function SessionGate({ session, children }: { session: Session; children: ReactNode }) {
  const state = useStore(session.store);
  if (state.status === 'unlocked') return <>{children}</>;
  return (
    <div className="gate-page">
      <Suspense fallback={null}>
        <GateScreen session={session} state={state} />
      </Suspense>
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
  switch (state.status) {
    case 'starting':
      return null;
    case 'setUp':
      return (
        <SetUpDeviceScreen
          session={session}
          existingDeviceCode={state.existingDeviceCode}
          configReady={config !== undefined && config !== null}
        />
      );
    case 'signedOut':
      return <SignInGate session={session} joined={state.joined} />;
    case 'locked':
      return <LockScreen session={session} user={state.user} reason={state.reason} pin={state.pin} />;
  }
}

import { useEffect, useState } from 'react';
import type * as AccountScreens from '@/features/account';
import { withMessages } from '@/i18n';

type GateScreens = typeof AccountScreens;

let loaded: GateScreens | undefined;
let loading: Promise<GateScreens> | undefined;

/**
 * Starts loading the set-up, sign-in and lock screens. Every cold start shows one of them (keys
 * live in memory only), so this begins at start-up, beside opening the database, not after it.
 */
export function loadGateScreens(): Promise<GateScreens> {
  loading ??= withMessages(import('@/features/account')).then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined; // a chunk missing after an update may be tried again
      throw error;
    },
  );
  return loading;
}

/**
 * The gate screens once loaded, `undefined` before. Rendered without `Suspense` on purpose: React
 * holds back content that replaces a Suspense fallback for up to 300 ms, which was a third of the
 * cold-start budget on its own. A failed load reaches the nearest error boundary.
 */
export function useGateScreens(): GateScreens | undefined {
  const [screens, setScreens] = useState(loaded);
  useEffect(() => {
    if (screens) return;
    let current = true;
    loadGateScreens().then(
      (module) => {
        if (current) setScreens(module);
      },
      (error: unknown) => {
        if (current)
          setScreens(() => {
            throw error;
          });
      },
    );
    return () => {
      current = false;
    };
  }, [screens]);
  return screens;
}

import { useEffect, useState } from 'react';

/**
 * A lazily loaded module that can be fetched ahead of need and then rendered without `Suspense`.
 * React holds back content that replaces a Suspense fallback for up to 300 ms (to avoid flicker):
 * on a cold start that alone was a third of the budget for the sign-in screen (issue 16). Screens
 * inside a workspace keep `lazy` + `Suspense`; this is for what the start-up path itself waits on.
 */
export function preloadedModule<T>(importModule: () => Promise<T>) {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;

  function load(): Promise<T> {
    loading ??= importModule().then(
      (module) => (loaded = module),
      (error: unknown) => {
        loading = undefined; // a chunk missing after an update may be tried again
        throw error;
      },
    );
    return loading;
  }

  /** The module once loaded, `undefined` before; a failed load reaches the nearest error boundary. */
  function useModule(): T | undefined {
    const [module, setModule] = useState(loaded);
    useEffect(() => {
      if (module) return;
      let current = true;
      load().then(
        (done) => {
          if (current) setModule(() => done);
        },
        (error: unknown) => {
          if (current)
            setModule(() => {
              throw error;
            });
        },
      );
      return () => {
        current = false;
      };
    }, [module]);
    return module;
  }

  return { load, useModule };
}

/**
 * If no screen says it is shown by then (an error screen, a hidden tab that never renders), the
 * background services start anyway.
 */
const FIRST_SCREEN_FALLBACK_MS = 3_000;

let markShown: () => void = () => {};

/**
 * Resolves once the first screen a person can use is on the display (set-up, sign-in, lock, the
 * waiting room). Start-up work that screen does not need (the hub probe, the sync engine, the
 * service worker's registration, storage checks) waits for it: on a slow tablet it would otherwise
 * compete with drawing the sign-in form for the one main thread.
 */
export const firstScreenShown = new Promise<void>((resolve) => {
  markShown = resolve;
  setTimeout(resolve, FIRST_SCREEN_FALLBACK_MS);
});

export function markFirstScreenShown(): void {
  markShown();
}

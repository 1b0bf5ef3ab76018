import { withMessages } from '@/i18n';
import { preloadedModule } from './preloadedModule';

/**
 * The set-up, sign-in and lock screens. Every cold start shows one of them (keys live in memory
 * only), so main.tsx starts loading them beside the first render, not after the session's start.
 */
export const gateScreens = preloadedModule(() => withMessages(import('@/features/account')));

/**
 * What a signed-in person sees (the routes, the navigation, the home page, the error boundary):
 * fetched once the first screen is shown, so it is there when someone signs in.
 */
export const routedScreens = preloadedModule(() => withMessages(import('./signedIn')));

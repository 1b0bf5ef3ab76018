import { useSyncExternalStore, type MouseEvent } from 'react';
import type { MessageKey } from '@/i18n';

export type Workspace = 'registration' | 'records' | 'clinic' | 'recovery' | 'incidents' | 'settings';
export type Route = { name: 'home' } | { name: Workspace } | { name: 'notFound' };

/** Indonesian paths: they show in the address bar of an Indonesian hospital's devices. */
export const WORKSPACES: readonly { name: Workspace; path: string; label: MessageKey }[] = [
  { name: 'registration', path: '/pendaftaran', label: 'nav.registration' },
  { name: 'records', path: '/rekam-medis', label: 'nav.records' },
  { name: 'clinic', path: '/poli', label: 'nav.clinic' },
  { name: 'recovery', path: '/pemulihan', label: 'nav.recovery' },
  { name: 'incidents', path: '/insiden', label: 'nav.incidents' },
  { name: 'settings', path: '/pengaturan', label: 'nav.settings' },
];

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  const workspace = WORKSPACES.find((entry) => entry.path === path);
  return workspace ? { name: workspace.name } : { name: 'notFound' };
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** For `<a href>` links: a plain click navigates in-app; modified clicks keep browser behaviour. */
export function onLinkClick(event: MouseEvent<HTMLAnchorElement>): void {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return;
  }
  event.preventDefault();
  navigate(event.currentTarget.pathname);
}

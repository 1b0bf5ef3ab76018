/**
 * Every address in the app. Indonesian paths: they show in the address bar of an Indonesian
 * hospital's devices. Only opaque ids appear in them, never patient data.
 */
export const paths = {
  home: '/',
  registration: '/pendaftaran',
  records: '/rekam-medis',
  recordsImport: '/rekam-medis/impor',
  clinic: '/poli',
  recovery: '/pemulihan',
  audit: '/audit',
  incidents: '/insiden',
  incidentReport: '/insiden/laporan',
  incidentImport: '/insiden/impor',
  settings: '/pengaturan',
  settingsSection: (section: SettingsSection) => `/pengaturan/${section}`,
  incident: (incidentId: string) => `/insiden/${incidentId}`,
  reconciliation: (incidentId: string) => `/insiden/${incidentId}/rekonsiliasi`,
  worklist: (incidentId: string) => `/insiden/${incidentId}/entri-ulang`,
  visit: (visitId: string) => `/kunjungan/${visitId}`,
  assessment: (visitId: string) => `/poli/asesmen/${visitId}`,
  queueDisplay: (poliCode: string) => `/antrean/${encodeURIComponent(poliCode)}`,
} as const;

/**
 * The parts of Pengaturan, each its own address: one's account and language, the device's accounts
 * (IT), the hub, this device, the encrypted backup. `/pengaturan` opens the first.
 */
export const SETTINGS_SECTIONS = ['akun', 'pengguna', 'hub', 'perangkat', 'cadangan'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

export type Workspace =
  'registration' | 'records' | 'clinic' | 'recovery' | 'audit' | 'incidents' | 'settings';

export type Route =
  | { name: 'home' }
  | { name: Workspace }
  | { name: 'settings'; section: SettingsSection }
  | { name: 'recordsImport' }
  | { name: 'incident'; incidentId: string }
  | { name: 'reconciliation'; incidentId: string }
  | { name: 'worklist'; incidentId: string }
  | { name: 'incidentReport' }
  | { name: 'incidentImport' }
  | { name: 'visit'; visitId: string }
  | { name: 'assessment'; visitId: string }
  | { name: 'queueDisplay'; poliCode: string }
  | { name: 'notFound' };

const WORKSPACE_PATHS: Record<string, Workspace> = {
  [paths.registration]: 'registration',
  [paths.records]: 'records',
  [paths.clinic]: 'clinic',
  [paths.recovery]: 'recovery',
  [paths.audit]: 'audit',
  [paths.incidents]: 'incidents',
  [paths.settings]: 'settings',
};

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'home' };
  const workspace = WORKSPACE_PATHS[path];
  if (workspace) return { name: workspace };
  if (path === paths.recordsImport) return { name: 'recordsImport' };
  if (path === paths.incidentReport) return { name: 'incidentReport' };
  if (path === paths.incidentImport) return { name: 'incidentImport' };
  let match = /^\/insiden\/([0-9a-f-]{36})$/.exec(path);
  if (match) return { name: 'incident', incidentId: match[1]! };
  match = /^\/insiden\/([0-9a-f-]{36})\/rekonsiliasi$/.exec(path);
  if (match) return { name: 'reconciliation', incidentId: match[1]! };
  match = /^\/insiden\/([0-9a-f-]{36})\/entri-ulang$/.exec(path);
  if (match) return { name: 'worklist', incidentId: match[1]! };
  match = /^\/kunjungan\/([0-9a-f-]{36})$/.exec(path);
  if (match) return { name: 'visit', visitId: match[1]! };
  match = /^\/poli\/asesmen\/([0-9a-f-]{36})$/.exec(path);
  if (match) return { name: 'assessment', visitId: match[1]! };
  const sectionName = /^\/pengaturan\/([a-z]+)$/.exec(path)?.[1];
  const section = SETTINGS_SECTIONS.find((candidate) => candidate === sectionName);
  if (section) return { name: 'settings', section };
  match = /^\/antrean\/([^/]+)$/.exec(path);
  if (match) return { name: 'queueDisplay', poliCode: decodeURIComponent(match[1]!) };
  return { name: 'notFound' };
}

/** The workspace a route belongs to, for the navigation's current-page mark. */
export function workspaceOf(route: Route): Workspace | undefined {
  switch (route.name) {
    case 'recordsImport':
      return 'records';
    case 'incident':
    case 'incidentReport':
    case 'incidentImport':
      return 'incidents';
    case 'assessment':
      return 'clinic';
    case 'reconciliation':
    case 'worklist':
      return 'recovery';
    case 'visit':
      return 'registration';
    case 'home':
    case 'notFound':
    case 'queueDisplay':
      return undefined;
    default:
      return route.name;
  }
}

import { paths, type Workspace } from '@/features/common';
import type { MessageKey } from '@/i18n';

/** The navigation: one entry per workspace, in the order of a patient's day. */
export const WORKSPACES: readonly { name: Workspace; path: string; label: MessageKey }[] = [
  { name: 'registration', path: paths.registration, label: 'nav.registration' },
  { name: 'records', path: paths.records, label: 'nav.records' },
  { name: 'clinic', path: paths.clinic, label: 'nav.clinic' },
  { name: 'recovery', path: paths.recovery, label: 'nav.recovery' },
  { name: 'audit', path: paths.audit, label: 'nav.audit' },
  { name: 'incidents', path: paths.incidents, label: 'nav.incidents' },
  { name: 'settings', path: paths.settings, label: 'nav.settings' },
];

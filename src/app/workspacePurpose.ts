import type { MessageKey } from '@/i18n';
import type { Workspace } from '@/features/common';

export const WORKSPACE_PURPOSE: Record<Workspace, MessageKey> = {
  registration: 'workspace.registration.purpose',
  records: 'workspace.records.purpose',
  clinic: 'workspace.clinic.purpose',
  recovery: 'workspace.recovery.purpose',
  audit: 'workspace.audit.purpose',
  incidents: 'workspace.incidents.purpose',
  settings: 'workspace.settings.purpose',
};

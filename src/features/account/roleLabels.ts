import type { Role } from '@/domain';
import type { MessageKey } from '@/i18n';

export const ROLE_LABEL: Record<Role, MessageKey> = {
  registration: 'role.registration',
  records: 'role.records',
  clinician: 'role.clinician',
  recovery: 'role.recovery',
  admin: 'role.admin',
};

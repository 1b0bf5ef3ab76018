import type { Role } from '../events/envelope';

/**
 * Permenkes 24/2022 Pasal 30: the facility grants each person the right to input, to correct
 * and to view medical records. Siaga grants them per role and per workflow; the domain checks
 * every event against this table on the device and again on the hub, so a screen that forgot to
 * hide a button still cannot record what its user may not.
 */
export const WORKFLOWS = [
  'registration',
  'queue',
  'records',
  'clinic',
  'recovery',
  'accounts',
  'audit',
  'incidents',
] as const;
export type Workflow = (typeof WORKFLOWS)[number];

export const RIGHTS = ['input', 'correct', 'view'] as const;
export type Right = (typeof RIGHTS)[number];

type Grants = Partial<Record<Workflow, readonly Right[]>>;

const ICV: readonly Right[] = ['input', 'correct', 'view'];
const IV: readonly Right[] = ['input', 'view'];
const V: readonly Right[] = ['view'];

/**
 * Who may do what. Every role records audit events about itself (views, prints); reading the
 * audit trail is IT's. Every unit reports downtime incidents and ticks its SOP steps (including
 * closing one: a person confirms the SIMRS is back); voiding or correcting them is IT's and
 * recovery's. IT manages accounts and devices but does not read clinical records.
 */
export const ROLE_GRANTS: Readonly<Record<Role, Grants>> = {
  registration: {
    registration: ICV,
    queue: IV,
    records: V,
    recovery: V,
    audit: ['input'],
    incidents: IV,
  },
  records: {
    registration: V,
    queue: V,
    records: ICV,
    clinic: V,
    recovery: V,
    audit: ['input'],
    incidents: IV,
  },
  clinician: {
    registration: V,
    queue: ICV,
    records: V,
    clinic: ICV,
    recovery: V,
    audit: ['input'],
    incidents: IV,
  },
  recovery: {
    registration: ICV,
    queue: ICV,
    records: ICV,
    clinic: V,
    recovery: ICV,
    audit: ['input'],
    incidents: ICV,
  },
  admin: { recovery: V, accounts: ICV, audit: IV, incidents: ICV },
};

export function hasRight(role: Role, workflow: Workflow, right: Right): boolean {
  return ROLE_GRANTS[role][workflow]?.includes(right) ?? false;
}

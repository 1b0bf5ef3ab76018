import { useStore } from 'zustand';
import { hasRight, type Right, type Role, type Workflow } from '@/domain';
import { accessStore } from '@/storage';
import type { Route, Workspace } from './paths';

/** The workflow whose `view` right opens each workspace; none: open to everyone signed in. */
const WORKSPACE_WORKFLOW: Record<Workspace, Workflow | undefined> = {
  registration: 'registration',
  records: 'records',
  clinic: 'clinic',
  recovery: 'recovery',
  audit: 'audit',
  incidents: undefined,
  settings: undefined,
};

const CLINICAL: readonly Workflow[] = ['registration', 'records', 'clinic'];

/**
 * Where each role works: the workspace a person lands in after signing in. IT's everyday work
 * during an outage is the incident (its SOP, its one-hour failover clock); accounts and devices
 * are one link away under Pengaturan.
 */
export const ROLE_WORKSPACE: Readonly<Record<Role, Workspace>> = {
  registration: 'registration',
  records: 'records',
  clinician: 'clinic',
  recovery: 'recovery',
  admin: 'incidents',
};

/** Whether a role may open a screen at all (Permenkes 24/2022 Pasal 30: view rights). */
export function mayOpen(route: Route, role: Role): boolean {
  switch (route.name) {
    case 'home':
    case 'notFound':
    case 'queueDisplay':
      return true;
    case 'recordsImport':
      return hasRight(role, 'records', 'view') || hasRight(role, 'clinic', 'view');
    case 'incident':
    case 'incidentReport':
      return hasRight(role, 'incidents', 'view');
    case 'incidentImport':
      return hasRight(role, 'incidents', 'correct');
    case 'assessment':
      return hasRight(role, 'clinic', 'view');
    case 'reconciliation': // lists patients not yet in the SIMRS
    case 'worklist':
      return (
        hasRight(role, 'recovery', 'view') && CLINICAL.some((workflow) => hasRight(role, workflow, 'view'))
      );
    case 'visit':
      return CLINICAL.some((workflow) => hasRight(role, workflow, 'view'));
    default: {
      const workflow = WORKSPACE_WORKFLOW[route.name];
      return workflow ? hasRight(role, workflow, 'view') : true;
    }
  }
}

/**
 * Whether the signed-in person may do this: screens show only what a role may do. (The domain
 * refuses the event anyway; this keeps people from meeting that refusal.)
 */
export function useCan(workflow: Workflow, right: Right): boolean {
  const role = useStore(accessStore, (state) => state.actor?.role);
  return role !== undefined && hasRight(role, workflow, right);
}

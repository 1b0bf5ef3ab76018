export { RecoveryWorkspace } from './RecoveryWorkspace';

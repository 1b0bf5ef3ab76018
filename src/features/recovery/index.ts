export { RecoveryWorkspace } from './RecoveryWorkspace';
export { ReconciliationScreen } from './ReconciliationScreen';

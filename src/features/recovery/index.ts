export { RecoveryWorkspace } from './RecoveryWorkspace';
export { ReconciliationScreen } from './ReconciliationScreen';
export { WorklistScreen } from './WorklistScreen';

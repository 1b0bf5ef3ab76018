export { backoffDelayMs, type BackoffPolicy } from './backoff';
export { hubEndpoint } from './hubEndpoint';
export {
  createBrowserHubProbe,
  createHubProbe,
  PROBE_BACKOFF,
  PROBE_INTERVAL_MS,
  ProbeFailure,
  type HubConnection,
  type HubProbe,
} from './hubProbe';
export {
  refreshRuntimeConfig,
  runtimeConfigStatusStore,
  RUNTIME_CONFIG_PATH,
  type RuntimeConfigStatus,
} from './runtimeConfigSync';
export {
  clockOffsetMs,
  enrollWithHub,
  parseRetryAfter,
  pullFromHub,
  pushToHub,
  type HubCall,
  type HubFailure,
} from './hubClient';
export {
  BULK_THRESHOLD,
  createSyncEngine,
  PUSH_PAGE_SIZE,
  SYNC_INTERVAL_MS,
  type RunOutcome,
  type SyncEngine,
} from './syncEngine';
export type { SyncPhase, SyncStatus } from './syncStatus';
export { enrollDevice, type EnrollFailure } from './enrollDevice';
export { createBrowserSync, type BrowserSync } from './browserSync';
export { startOutageWatch, type OutageWatchDeps } from './outageWatch';
export { createDeliveryCalls, type DeliveryCalls, type DeliveryFailure } from './deliveryCalls';
export { createHubAdminCalls, type HubAdminCalls, type HubAdminFailure } from './hubAdminCalls';

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

import type { RuntimeConfig } from '../config/runtimeConfigSchema';
import { DEFAULT_ON_TIME_THRESHOLD_MINUTES } from './onTime';

/** Open an incident by itself once the hub has seen the SIMRS down this long, unless configured. */
export const DEFAULT_AUTO_OPEN_AFTER_SECONDS = 60;

type IncidentConfig = Pick<RuntimeConfig, 'incidents'>;

/** Ketepatan's threshold of this hospital, in minutes. */
export function onTimeThresholdMinutes(config: IncidentConfig): number {
  return config.incidents?.onTimeThresholdMinutes ?? DEFAULT_ON_TIME_THRESHOLD_MINUTES;
}

/** How long the SIMRS must have been down, as the hub sees it, before an incident opens by itself. */
export function autoOpenAfterMs(config: IncidentConfig): number {
  return (config.incidents?.autoOpenAfterSeconds ?? DEFAULT_AUTO_OPEN_AFTER_SECONDS) * 1000;
}

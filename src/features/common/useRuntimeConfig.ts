import { useStoredRuntimeConfig } from '@/storage';
import type { RuntimeConfig } from '@/domain';

/** The configuration in force on this device (`undefined` until one has been received). */
export function useRuntimeConfig(): RuntimeConfig | undefined {
  return useStoredRuntimeConfig()?.config;
}

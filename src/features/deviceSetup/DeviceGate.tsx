import type { ReactNode } from 'react';
import type { RuntimeConfig } from '@/domain';
import { useRuntimeConfig } from '@/features/common';
import { useT } from '@/i18n';
import { useDeviceSetup, type DeviceSetup } from '@/storage';
import { Notice } from '@/ui/Notice';

/**
 * Workflows need a configured hospital and a signed-in person on a set-up device; until both
 * exist, say what is missing instead of showing a broken form. (Setting up and signing in happen
 * before any workspace opens; this covers the moment in between.)
 */
export function DeviceGate({
  children,
}: {
  children: (ready: { setup: DeviceSetup; config: RuntimeConfig }) => ReactNode;
}) {
  const t = useT();
  const setup = useDeviceSetup();
  const config = useRuntimeConfig();
  if (setup === undefined) return null;
  if (!config) return <Notice tone="warning" title={t('reason.configMissing')} />;
  if (setup === null) return <Notice tone="warning" title={t('reason.deviceLocked')} />;
  return <>{children({ setup, config })}</>;
}

import type { ReactNode } from 'react';
import { useT } from '@/i18n';
import { useDeviceSetup, type DeviceSetup } from '@/storage';
import { Notice } from '@/ui/Notice';
import { useRuntimeConfig } from '@/features/common';
import type { RuntimeConfig } from '@/domain';
import { DeviceSetupForm } from './DeviceSetupForm';

/**
 * Workflows need a configured hospital and a named device and user; until both exist, say what
 * is missing (and let the user set the device up right here) instead of showing a broken form.
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
  if (!config) {
    return <Notice tone="warning" title={t('reason.configMissing')} />;
  }
  if (setup === null) {
    return (
      <>
        <Notice tone="info" title={t('setup.firstRunTitle')}>
          <p>{t('setup.firstRunBody')}</p>
        </Notice>
        <DeviceSetupForm current={null} />
      </>
    );
  }
  return <>{children({ setup, config })}</>;
}

import { useStore } from 'zustand';
import { ZONE_ABBREVIATION } from '@/domain';
import { formatFacilityTime, useRuntimeConfig } from '@/features/common';
import { useT } from '@/i18n';
import { Notice } from '@/ui/Notice';
import { useAppServices } from './AppServicesContext';

/** "Mode manual: SIMRS tidak tersedia sejak 08:12", from the hub's view of the SIMRS [P12]. */
export function SimrsBanner() {
  const t = useT();
  const config = useRuntimeConfig();
  const { hubProbe } = useAppServices();
  const connection = useStore(hubProbe.store);
  if (connection.state !== 'reachable' || connection.simrs?.status !== 'down' || !config) return null;
  const zone = config.facility.timeZone;
  return (
    <Notice
      tone="warning"
      role="alert"
      title={t('simrs.down', {
        time: `${formatFacilityTime(connection.simrs.since, zone)} ${ZONE_ABBREVIATION[zone]}`,
      })}
    >
      <p>{t('simrs.downBody')}</p>
    </Notice>
  );
}

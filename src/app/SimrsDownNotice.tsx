import { ZONE_ABBREVIATION, type FacilityTimeZone } from '@/domain';
import { formatFacilityTime, useRuntimeConfig } from '@/features/common';
import { useT } from '@/i18n';
import type { HubConnection } from '@/sync';
import { Notice } from '@/ui/Notice';

/** `08:12 WIB`: a time on a banner, in the facility zone. */
export const bannerTime = (iso: string, zone: FacilityTimeZone) =>
  `${formatFacilityTime(iso, zone)} ${ZONE_ABBREVIATION[zone]}`;

/** The SIMRS as the hub sees it, when it reports one. */
export function simrsOf(connection: HubConnection) {
  return connection.state === 'reachable' ? connection.simrs : undefined;
}

/** "Mode manual: SIMRS tidak tersedia sejak 08:12", from the hub's view of the SIMRS [P12]. */
export function SimrsDownNotice({ connection }: { connection: HubConnection }) {
  const t = useT();
  const config = useRuntimeConfig();
  const simrs = simrsOf(connection);
  if (simrs?.status !== 'down' || !config) return null;
  return (
    <Notice
      tone="warning"
      role="alert"
      title={t('simrs.down', { time: bannerTime(simrs.since, config.facility.timeZone) })}
    >
      <p>{t('simrs.downBody')}</p>
    </Notice>
  );
}

import { gapWarning, type FacilityTimeZone, type TimelineEntry } from '@/domain';
import { formatFacilityDateTime } from '@/features/common';
import { ROLE_LABEL } from '@/features/account';
import { useT } from '@/i18n';
import { EVENT_LABEL } from './eventLabels';

/** Every step in real-time order: when it happened, when it was typed, by whom, from where. */
export function Timeline({
  entries,
  zone,
  label,
}: {
  entries: readonly TimelineEntry[];
  zone: FacilityTimeZone;
  label: string;
}) {
  const t = useT();
  return (
    <ol className="timeline" aria-label={label}>
      {entries.map((entry, index) => {
        const gap = gapWarning(entry.occurredAt, entries[index - 1]?.occurredAt);
        const typedLater = Date.parse(entry.recordedAt) - Date.parse(entry.occurredAt) > 5 * 60_000;
        return (
          <li key={entry.eventId} className="timeline__entry">
            <p className="timeline__what">
              <strong>{t(EVENT_LABEL[entry.type])}</strong>{' '}
              <time dateTime={entry.occurredAt}>{formatFacilityDateTime(entry.occurredAt, zone)}</time>
            </p>
            <p className="timeline__who">
              {t('timeline.by', {
                name: entry.actor.name,
                role: t(ROLE_LABEL[entry.actor.role]),
                device: entry.deviceCode,
              })}
              {entry.source === 'transcribed_from_paper' ? (
                <span className="badge">{t('timeline.fromPaper')}</span>
              ) : null}
            </p>
            {typedLater ? (
              <p className="timeline__typed">
                {t('timeline.typedAt', { time: formatFacilityDateTime(entry.recordedAt, zone) })}
              </p>
            ) : null}
            {gap ? <p className="timeline__gap">{t('warning.largeTimeGap')}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

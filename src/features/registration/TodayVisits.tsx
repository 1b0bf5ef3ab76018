import { useDeferredValue, useMemo, useState } from 'react';
import type { RuntimeConfig } from '@/domain';
import { formatFacilityTime, paths, useFacilityNow } from '@/features/common';
import { StatusBadge } from '@/features/queue';
import { useT } from '@/i18n';
import { useDayList, type DayListEntry } from '@/storage';
import { SelectField, TextField } from '@/ui/Field';
import { onLinkClick } from '@/ui/navigation';
import { VirtualList } from '@/ui/VirtualList';

const ROW_HEIGHT_PX = 64;
const LIST_HEIGHT_PX = 560;

function matches(entry: DayListEntry, text: string): boolean {
  if (!text) return true;
  const needle = text.toUpperCase();
  const { ticket, patient } = entry;
  return [ticket.label, patient?.name, patient?.mrn, patient?.tempNumber, patient?.nik].some((value) =>
    value?.toUpperCase().includes(needle),
  );
}

/** Today's visits at this device (and, after sync, the hospital): a worklist that stays fast at thousands. */
export function TodayVisits({ config }: { config: RuntimeConfig }) {
  const t = useT();
  const zone = config.facility.timeZone;
  const { date } = useFacilityNow(zone);
  const [poliCode, setPoliCode] = useState('');
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter.trim());
  const entries = useDayList(date, poliCode || undefined);
  const shown = useMemo(
    () => (entries ?? []).filter((entry) => matches(entry, deferredFilter)),
    [entries, deferredFilter],
  );
  const poliName = (code: string) => config.polis.find((poli) => poli.code === code)?.name ?? code;

  return (
    <section aria-labelledby="today-title">
      <h2 id="today-title">{t('visits.todayTitle')}</h2>
      <div className="form-row">
        <SelectField
          label={t('visit.poli')}
          value={poliCode}
          onChange={(event) => setPoliCode(event.target.value)}
          placeholder={t('visits.allPolis')}
          options={config.polis.map((poli) => ({ value: poli.code, label: poli.name }))}
        />
        <TextField
          label={t('visits.filter')}
          hint={t('visits.filterHint')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      </div>
      <p role="status" data-testid="visit-count">
        {entries === undefined
          ? t('common.loading')
          : t('visits.count', { shown: shown.length, total: entries.length })}
      </p>
      {entries !== undefined && entries.length > 0 ? (
        <VirtualList
          items={shown}
          rowHeight={ROW_HEIGHT_PX}
          height={Math.min(LIST_HEIGHT_PX, Math.max(shown.length, 1) * ROW_HEIGHT_PX)}
          label={t('visits.todayTitle')}
          itemKey={(entry) => entry.ticket.id}
          renderRow={({ ticket, patient }) => (
            <a className="visit-row" href={paths.visit(ticket.id)} onClick={onLinkClick}>
              <span className="visit-row__ticket">{ticket.label}</span>
              <span className="visit-row__time">{formatFacilityTime(ticket.registeredAt, zone)}</span>
              <span className="visit-row__name">
                {patient?.name ?? t('patient.unknown')}
                {ticket.drillId ? <span className="badge badge--drill">{t('visit.drill')}</span> : null}
              </span>
              <span className="visit-row__poli">{poliName(ticket.poliCode)}</span>
              <StatusBadge status={ticket.status} />
            </a>
          )}
        />
      ) : null}
    </section>
  );
}

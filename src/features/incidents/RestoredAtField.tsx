import { useId } from 'react';
import { facilityClock, facilityDate, ZONE_ABBREVIATION, type FacilityTimeZone, type When } from '@/domain';
import { formatFacilityTime } from '@/features/common';
import { useIncidentT } from '@/i18n/incidents';
import { RadioGroup } from '@/ui/Field';
import type { LocalDateTime } from './DateTimeInputs';

/** How the person answers "when did it end?": just now, when the hub saw it back, or a typed time. */
export type EndChoice = { kind: 'now' } | { kind: 'hub'; at: string } | { kind: 'other'; at: LocalDateTime };

/** The answer as the command takes it; a time is to the minute, in the facility zone. */
export function whenOfChoice(choice: EndChoice, zone: FacilityTimeZone): When {
  switch (choice.kind) {
    case 'now':
      return { mode: 'now' };
    case 'hub':
      return { mode: 'manual', date: facilityDate(choice.at, zone), time: facilityClock(choice.at, zone) };
    case 'other':
      return { mode: 'manual', ...choice.at };
  }
}

/**
 * The hub's sighting of the SIMRS's return as a choice, when it can be one: the answer is kept to
 * the minute, and a return within the minute the outage began would read as before it.
 */
export function hubReturnChoice(backSince: string | undefined, detectedAt: string): string | undefined {
  if (!backSince) return undefined;
  // Facility zones are whole hours from UTC: its minute starts where the UTC minute does.
  const minute = Math.floor(Date.parse(backSince) / 60_000) * 60_000;
  return minute >= Date.parse(detectedAt) ? backSince : undefined;
}

/**
 * "When did the SIMRS work again?" in the person's own words: just now (they have checked it),
 * when the hub saw it reachable again (offered when it did), or another time typed from notes.
 * A drill asks when it ended.
 */
export function RestoredAtField({
  drill,
  backSince,
  zone,
  value,
  onChange,
  error,
}: {
  drill: boolean;
  backSince: string | undefined;
  zone: FacilityTimeZone;
  value: EndChoice;
  onChange: (value: EndChoice) => void;
  error?: string | undefined;
}) {
  const ti = useIncidentT();
  const id = useId();
  const at = (iso: string) => `${formatFacilityTime(iso, zone)} ${ZONE_ABBREVIATION[zone]}`;
  const options = [
    { value: 'now', label: ti(drill ? 'close.when.drillNow' : 'close.when.now') },
    ...(backSince ? [{ value: 'hub', label: ti('close.when.hub', { time: at(backSince) }) }] : []),
    { value: 'other', label: ti('close.when.other') },
  ];
  const choose = (kind: string) => {
    if (kind === 'hub' && backSince) onChange({ kind: 'hub', at: backSince });
    else if (kind === 'other') {
      const now = new Date();
      onChange({ kind: 'other', at: { date: facilityDate(now, zone), time: facilityClock(now, zone) } });
    } else onChange({ kind: 'now' });
  };
  return (
    <>
      <RadioGroup
        legend={ti(drill ? 'close.drillQuestion' : 'close.question')}
        name={`${id}-end`}
        options={options}
        value={value.kind}
        onChange={choose}
        hint={drill ? undefined : ti('close.questionHint')}
        error={value.kind === 'other' ? undefined : error}
      />
      {value.kind === 'other' ? (
        <div className="when-field__inputs">
          <div className="field">
            <label htmlFor={`${id}-date`}>{ti('time.date')}</label>
            <input
              id={`${id}-date`}
              type="date"
              value={value.at.date}
              aria-invalid={error ? true : undefined}
              onChange={(event) => onChange({ kind: 'other', at: { ...value.at, date: event.target.value } })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-time`}>{ti('time.clock', { zone: ZONE_ABBREVIATION[zone] })}</label>
            <input
              id={`${id}-time`}
              type="time"
              value={value.at.time}
              aria-invalid={error ? true : undefined}
              onChange={(event) => onChange({ kind: 'other', at: { ...value.at, time: event.target.value } })}
            />
          </div>
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

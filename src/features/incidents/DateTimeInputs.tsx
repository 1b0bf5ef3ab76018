import { useId } from 'react';
import { facilityClock, facilityDate, ZONE_ABBREVIATION, type FacilityTimeZone } from '@/domain';
import { useIncidentT } from '@/i18n/incidents';
import { Button } from '@/ui/Button';

/** A date and wall-clock time in the facility zone, as typed (either may be empty). */
export type LocalDateTime = { date: string; time: string };

export const EMPTY_LOCAL: LocalDateTime = { date: '', time: '' };

/** The local date and time of a stored instant, for editing. */
export function localOf(iso: string | undefined, zone: FacilityTimeZone): LocalDateTime {
  return iso ? { date: facilityDate(iso, zone), time: facilityClock(iso, zone) } : EMPTY_LOCAL;
}

/**
 * A time of the incident log (request, response, failover): date and time inputs in the facility
 * zone, with a button that fills in now. Typed from the paper log just as well.
 */
export function DateTimeInputs({
  label,
  value,
  onChange,
  zone,
  error,
}: {
  label: string;
  value: LocalDateTime;
  onChange: (value: LocalDateTime) => void;
  zone: FacilityTimeZone;
  error?: string | undefined;
}) {
  const ti = useIncidentT();
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset className="when-field" aria-describedby={error ? errorId : undefined}>
      <legend>{label}</legend>
      <div className="when-field__inputs">
        <div className="field">
          <label htmlFor={`${id}-date`}>{ti('time.date')}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={value.date}
            aria-invalid={error ? true : undefined}
            onChange={(event) => onChange({ ...value, date: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-time`}>{ti('time.clock', { zone: ZONE_ABBREVIATION[zone] })}</label>
          <input
            id={`${id}-time`}
            type="time"
            value={value.time}
            aria-invalid={error ? true : undefined}
            onChange={(event) => onChange({ ...value, time: event.target.value })}
          />
        </div>
        <Button
          aria-label={`${ti('time.now')}: ${label}`}
          onClick={() => {
            const now = new Date();
            onChange({ date: facilityDate(now, zone), time: facilityClock(now, zone) });
          }}
        >
          {ti('time.now')}
        </Button>
      </div>
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

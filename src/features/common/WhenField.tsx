import { useId, type Ref } from 'react';
import { facilityClock, facilityDate, ZONE_ABBREVIATION, type FacilityTimeZone, type When } from '@/domain';
import { useT } from '@/i18n';

/**
 * "When did this really happen?" Defaults to now; ticking the box reveals a date and a time in
 * the facility zone for entering the real time of service later, from paper.
 */
export function WhenField({
  label,
  value,
  onChange,
  zone,
  error,
  inputRef,
}: {
  label: string;
  value: When;
  onChange: (value: When) => void;
  zone: FacilityTimeZone;
  error?: string | undefined;
  /** Takes focus when the field is focused (e.g. to fix an error): the date when typed, else the box. */
  inputRef?: Ref<HTMLInputElement> | undefined;
}) {
  const t = useT();
  const id = useId();
  const manual = value.mode === 'manual';
  const errorId = `${id}-error`;
  return (
    <fieldset className="when-field" aria-describedby={error ? errorId : undefined}>
      <legend>{label}</legend>
      <div className="field field--checkbox">
        <input
          ref={manual ? undefined : inputRef}
          id={`${id}-manual`}
          type="checkbox"
          checked={manual}
          onChange={(event) => {
            const now = new Date();
            onChange(
              event.target.checked
                ? { mode: 'manual', date: facilityDate(now, zone), time: facilityClock(now, zone) }
                : { mode: 'now' },
            );
          }}
        />
        <label htmlFor={`${id}-manual`}>{t('when.manual')}</label>
      </div>
      {manual ? (
        <div className="when-field__inputs">
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('when.date')}</label>
            <input
              ref={inputRef}
              id={`${id}-date`}
              type="date"
              value={value.date}
              aria-invalid={error ? true : undefined}
              onChange={(event) => onChange({ ...value, date: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-time`}>{t('when.time', { zone: ZONE_ABBREVIATION[zone] })}</label>
            <input
              id={`${id}-time`}
              type="time"
              value={value.time}
              aria-invalid={error ? true : undefined}
              onChange={(event) => onChange({ ...value, time: event.target.value })}
            />
          </div>
        </div>
      ) : (
        <p className="field__hint">{t('when.nowHint')}</p>
      )}
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

import { useId } from 'react';
import { LANGUAGES, setLanguage, useLanguage, useT, type Language } from '@/i18n';

const LANGUAGE_NAMES: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' };

/** Bahasa Indonesia or English, remembered on this device; also offered before sign-in. */
export function LanguageSetting() {
  const t = useT();
  const language = useLanguage();
  const selectId = useId();
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={selectId}>{t('settings.language')}</label>
      <select
        id={selectId}
        aria-describedby={hintId}
        value={language}
        onChange={(event) => void setLanguage(event.target.value as Language)}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
      <p id={hintId} className="field__hint">
        {t('settings.language.hint')}
      </p>
    </div>
  );
}

export { describeConfigIssue } from './describeConfigIssue';
export { languageStore, LANGUAGES, restoreLanguage, setLanguage, type Language } from './language';
export type { MessageKey, MessageParams } from './messageKeys';
export { INTL_LOCALE, translator, type Translate } from './translate';
export { useLanguage, useT } from './useT';
export { formatDateTime, formatDecimal } from './formatters';
export { useDecimal } from './useDecimal';

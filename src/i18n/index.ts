export { describeConfigIssue } from './describeConfigIssue';
export {
  completeMessages,
  languageStore,
  LANGUAGES,
  restoreLanguage,
  setLanguage,
  withMessages,
  type Language,
} from './language';
export type { MessageKey, MessageParams } from './messageKeys';
export { INTL_LOCALE, translator, type Translate } from './translate';
export { useLanguage, useT } from './useT';
export { formatDateTime, formatDecimal } from './formatters';
export { useDecimal } from './useDecimal';

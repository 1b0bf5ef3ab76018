import { useCallback } from 'react';
import { formatDecimal } from './formatters';
import { useLanguage } from './useT';

/** `formatDecimal` in the language on screen: the one way numbers are shown, on screen and paper. */
export function useDecimal(): (value: number) => string {
  const language = useLanguage();
  return useCallback((value: number) => formatDecimal(value, language), [language]);
}

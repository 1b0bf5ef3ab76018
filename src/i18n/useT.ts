import { useMemo } from 'react';
import { useStore } from 'zustand';
import { languageStore, type Language } from './language';
import { translator, type Translate } from './translate';

export function useLanguage(): Language {
  return useStore(languageStore, (state) => state.language);
}

export function useT(): Translate {
  const messages = useStore(languageStore, (state) => state.messages);
  return useMemo(() => translator(messages), [messages]);
}

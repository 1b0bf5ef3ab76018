import { createStore } from 'zustand/vanilla';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'siaga.language';

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** The remembered choice, else Bahasa Indonesia (never the browser's language: hospital default). */
function initialLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'id';
  } catch {
    return 'id'; // storage blocked: fall back to the default language
  }
}

export const languageStore = createStore<{ language: Language }>(() => ({ language: initialLanguage() }));

export function setLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Storage blocked: the choice holds for this session only, which is the best we can do.
  }
  languageStore.setState({ language });
}

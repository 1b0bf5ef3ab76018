import { createStore } from 'zustand/vanilla';
import type { Messages } from './messageKeys';
import { messagesId } from './messages.id';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'siaga.language';

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** The remembered choice, else Bahasa Indonesia (never the browser's language: hospital default). */
function rememberedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'id';
  } catch {
    return 'id'; // storage blocked: fall back to the default language
  }
}

/**
 * Bahasa Indonesia ships in the start-up bundle; English is a separate (precached) chunk loaded
 * when chosen, so most devices never parse it.
 */
const LOADERS: Record<Language, () => Promise<Messages>> = {
  id: () => Promise.resolve(messagesId),
  en: () => import('./messages.en').then((module) => module.messagesEn),
};

export const languageStore = createStore<{ language: Language; messages: Messages }>(() => ({
  language: 'id',
  messages: messagesId,
}));

export async function setLanguage(language: Language): Promise<void> {
  const messages = await LOADERS[language]();
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Storage blocked: the choice holds for this session only, which is the best we can do.
  }
  languageStore.setState({ language, messages });
}

/** Loads the remembered language before the first render, so the UI never flashes the other one. */
export function restoreLanguage(): Promise<void> {
  const language = rememberedLanguage();
  return language === 'id' ? Promise.resolve() : setLanguage(language);
}

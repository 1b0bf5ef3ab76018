import { createStore } from 'zustand/vanilla';
import type { Messages } from './messageKeys';
import { startupMessagesId } from './messages.id';

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
 * Bahasa Indonesia's start-up part (the shell's) ships in the start-up bundle, the screens' messages
 * in a chunk of their own; English is one separate chunk loaded when chosen, so most devices never parse it.
 * All are precached.
 */
const LOADERS: Record<Language, () => Promise<Messages>> = {
  id: () => import('./messages/screens.id').then((module) => ({ ...startupMessagesId, ...module.screensId })),
  en: () => import('./messages.en').then((module) => module.messagesEn),
};

/**
 * `complete` is false while only Bahasa Indonesia's start-up part is there: enough for the shell
 * (header, status bar, notices); every screen beyond it loads with `withMessages`.
 */
export const languageStore = createStore<{ language: Language; messages: Messages; complete: boolean }>(
  () => ({
    language: 'id',
    // The workflow keys are missing until `completeMessages`; nothing that shows them renders before.
    messages: startupMessagesId as Messages,
    complete: false,
  }),
);

let loading: { language: Language; done: Promise<void> } | undefined;

function load(language: Language): Promise<void> {
  if (loading?.language !== language) {
    const done = LOADERS[language]().then((messages) => {
      languageStore.setState({ language, messages, complete: true });
    });
    // A failed load (a chunk missing after an update) may be tried again.
    done.catch(() => (loading = undefined));
    loading = { language, done };
  }
  return loading.done;
}

export async function setLanguage(language: Language): Promise<void> {
  await load(language);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Storage blocked: the choice holds for this session only, which is the best we can do.
  }
}

/** Loads the remembered language before the first render, so the UI never flashes the other one. */
export function restoreLanguage(): Promise<void> {
  const language = rememberedLanguage();
  return language === 'id' ? Promise.resolve() : setLanguage(language);
}

/** Every message of the current language, also the workflows'. */
export function completeMessages(): Promise<void> {
  const { language, complete } = languageStore.getState();
  return complete ? Promise.resolve() : load(language);
}

/**
 * A lazy screen's module together with the messages it shows, fetched side by side: wrap every
 * `import()` of a screen beyond the shell with it.
 */
export async function withMessages<T>(module: Promise<T>): Promise<T> {
  const [loaded] = await Promise.all([module, completeMessages()]);
  return loaded;
}

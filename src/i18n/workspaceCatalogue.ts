import { useMemo } from 'react';
import { useStore } from 'zustand';
import { languageStore, type Language } from './language';
import type { MessageParams } from './messageKeys';
import { translator } from './translate';

/** A translate function over one workspace's own keys. */
export type WorkspaceTranslate<K extends string> = (key: K, params?: MessageParams) => string;

/**
 * A workspace's own messages, in both languages, outside the start-up catalogue: they arrive with
 * the workspace's lazy chunk, so the first screen does not download them. `{name}` placeholders
 * as in the main catalogue.
 */
export function workspaceCatalogue<K extends string>(
  catalogues: Record<Language, Record<K, string>>,
): () => WorkspaceTranslate<K> {
  return function useWorkspaceT() {
    const language = useStore(languageStore, (state) => state.language);
    return useMemo(() => translator(catalogues[language]), [language]);
  };
}

import { settingsEn } from './messages/settings.en';
import { settingsId } from './messages/settings.id';
import { workspaceCatalogue, type WorkspaceTranslate } from './workspaceCatalogue';

/** The settings screen's own messages (its sections), in its lazy chunk. */
export type SettingsMessageKey = keyof typeof settingsId;
export type SettingsTranslate = WorkspaceTranslate<SettingsMessageKey>;
export const useSettingsT = workspaceCatalogue<SettingsMessageKey>({ id: settingsId, en: settingsEn });

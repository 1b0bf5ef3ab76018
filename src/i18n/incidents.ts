import { incidentsEn } from './messages/incidents.en';
import { incidentsId } from './messages/incidents.id';
import { workspaceCatalogue, type WorkspaceTranslate } from './workspaceCatalogue';

/**
 * The incidents workspace's messages (screens, report, import). Imported only by that workspace,
 * so they travel in its lazy chunk, not in the start-up catalogue.
 */
export type IncidentMessageKey = keyof typeof incidentsId;
export type IncidentTranslate = WorkspaceTranslate<IncidentMessageKey>;
export const useIncidentT = workspaceCatalogue<IncidentMessageKey>({ id: incidentsId, en: incidentsEn });

import { queueDisplayEn } from './messages/queueDisplay.en';
import { queueDisplayId } from './messages/queueDisplay.id';
import { workspaceCatalogue, type WorkspaceTranslate } from './workspaceCatalogue';

/** The waiting-room screen's own messages, in its lazy chunk. */
export type QueueDisplayMessageKey = keyof typeof queueDisplayId;
export type QueueDisplayTranslate = WorkspaceTranslate<QueueDisplayMessageKey>;
export const useQueueDisplayT = workspaceCatalogue<QueueDisplayMessageKey>({
  id: queueDisplayId,
  en: queueDisplayEn,
});

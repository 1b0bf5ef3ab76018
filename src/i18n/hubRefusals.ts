import { isHubRefusalCode } from '@/domain/sync/hubRefusals';
import { hubRefusalsEn } from './messages/hubRefusals.en';
import { hubRefusalsId } from './messages/hubRefusals.id';
import type { MessageParams } from './messageKeys';
import { workspaceCatalogue, type WorkspaceTranslate } from './workspaceCatalogue';

/**
 * The hub's refusals in words, one sentence per code of `HubError` and `EventRejection`: loaded
 * with the screens that show them (recovery, incidents, settings), never at start-up.
 */
export type HubRefusalKey = keyof typeof hubRefusalsId;
export type HubRefusalTranslate = WorkspaceTranslate<HubRefusalKey>;
export const useHubRefusalT = workspaceCatalogue<HubRefusalKey>({ id: hubRefusalsId, en: hubRefusalsEn });

/** The sentence for a code the hub answered; a code this app does not know yet reads as a refusal. */
export function hubRefusalText(tr: HubRefusalTranslate, code: string, params?: MessageParams): string {
  return tr(isHubRefusalCode(code) ? code : 'unknown', params);
}

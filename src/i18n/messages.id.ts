import type { captureId } from './messages/capture.id';
import { accountId } from './messages/account.id';
import { reasonsId } from './messages/reasons.id';
import { shellId } from './messages/shell.id';

/**
 * Bahasa Indonesia at start-up: the shell, every reason text and the accounts (the first screen is
 * a set-up, sign-in or lock screen). The workflows' own messages (`capture.id.ts`, the largest
 * part) arrive in their own chunk beside the first lazy screen: `completeMessages` in language.ts.
 */
export const startupMessagesId = { ...shellId, ...reasonsId, ...accountId } as const;

/** Every Bahasa Indonesia key: the source of the message keys. */
export type MessagesId = typeof startupMessagesId & typeof captureId;

import type { accountId } from './messages/account.id';
import type { captureId } from './messages/capture.id';
import { reasonsId } from './messages/reasons.id';
import { shellId } from './messages/shell.id';

/**
 * Bahasa Indonesia at start-up: the shell and every reason text. The workflows' own messages
 * (`capture.id.ts`, the largest part) and the account screens' (`account.id.ts`) arrive in their
 * own chunks beside the first lazy screen — the set-up, sign-in or lock screen is one too (issue
 * 16): `completeMessages` in language.ts.
 */
export const startupMessagesId = { ...shellId, ...reasonsId } as const;

/** Every Bahasa Indonesia key: the source of the message keys. */
export type MessagesId = typeof startupMessagesId & typeof accountId & typeof captureId;

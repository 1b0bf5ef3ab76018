import type { screensId } from './messages/screens.id';
import { shellId } from './messages/shell.id';

/**
 * Bahasa Indonesia at start-up: the shell's messages only. Everything a screen shows — the
 * workflows' messages, the account screens', every reason text — arrives in one chunk beside the
 * first lazy screen (`screens.id.ts`, `completeMessages` in language.ts); the set-up, sign-in and
 * lock screens are lazy too (issue 16).
 */
export const startupMessagesId = shellId;

/** Every Bahasa Indonesia key: the source of the message keys. */
export type MessagesId = typeof startupMessagesId & typeof screensId;

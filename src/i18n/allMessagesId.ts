import type { Messages } from './messageKeys';
import { screensId } from './messages/screens.id';
import { startupMessagesId } from './messages.id';

/**
 * Every Bahasa Indonesia message in one object, for tests and tools. The app never imports it:
 * it loads the start-up part first and the rest beside the first lazy screen (language.ts).
 */
export const messagesId: Messages = { ...startupMessagesId, ...screensId };

import { accountId } from './messages/account.id';
import { captureId } from './messages/capture.id';
import { reasonsId } from './messages/reasons.id';
import { shellId } from './messages/shell.id';

/** Bahasa Indonesia: the default language and the source of the message keys. */
export const messagesId = { ...shellId, ...reasonsId, ...captureId, ...accountId } as const;

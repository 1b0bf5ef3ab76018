import type { Messages } from './messageKeys';
import { accountEn } from './messages/account.en';
import { captureEn } from './messages/capture.en';
import { reasonsEn } from './messages/reasons.en';
import { shellEn } from './messages/shell.en';

export const messagesEn: Messages = { ...shellEn, ...reasonsEn, ...captureEn, ...accountEn };

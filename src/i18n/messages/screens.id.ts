import { accountId } from './account.id';
import { captureId } from './capture.id';
import { reasonsId } from './reasons.id';

/**
 * Bahasa Indonesia for every screen beyond the shell — the gate screens (set-up, sign-in, lock),
 * the workflows, and the reason texts they show — in one lazy chunk, loaded beside the first such
 * screen (`withMessages` in language.ts). Nothing in the shell shows a reason text.
 */
export const screensId = { ...reasonsId, ...accountId, ...captureId } as const;

import { registrationEn } from './messages/registration.en';
import { registrationId } from './messages/registration.id';
import { workspaceCatalogue, type WorkspaceTranslate } from './workspaceCatalogue';

/**
 * The registration workspace's own messages (search, form, receipt). Imported only by that
 * workspace, so they travel in its lazy chunk, not in the start-up catalogue.
 */
export type RegistrationMessageKey = keyof typeof registrationId;
export type RegistrationTranslate = WorkspaceTranslate<RegistrationMessageKey>;
export const useRegistrationT = workspaceCatalogue<RegistrationMessageKey>({
  id: registrationId,
  en: registrationEn,
});

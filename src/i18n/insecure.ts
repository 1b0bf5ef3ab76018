import { insecureEn } from './messages/insecure.en';
import { insecureId } from './messages/insecure.id';
import { workspaceCatalogue } from './workspaceCatalogue';

/** The insecure-address screen's messages: they load with that screen, which most devices never see. */
export const useInsecureT = workspaceCatalogue<keyof typeof insecureId>({ id: insecureId, en: insecureEn });

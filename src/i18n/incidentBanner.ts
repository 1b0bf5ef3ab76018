import { incidentBannerEn } from './messages/incidentBanner.en';
import { incidentBannerId } from './messages/incidentBanner.id';
import { workspaceCatalogue } from './workspaceCatalogue';

/** The open-incident banner's messages: they load with the banner, after someone signs in. */
export const useIncidentBannerT = workspaceCatalogue<keyof typeof incidentBannerId>({
  id: incidentBannerId,
  en: incidentBannerEn,
});

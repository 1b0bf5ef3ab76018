import type { incidentBannerId } from './incidentBanner.id';

export const incidentBannerEn: Record<keyof typeof incidentBannerId, string> = {
  title: 'Incident {number}: manual mode since {time}',
  drillTitle: 'DRILL {number} running since {time}',
  failoverIn: 'SOP deadline to take over to the backup server: {time} ({left} left).',
  failedOver: 'Taken over to the backup server at {time}.',
  open: 'View incident',
  drillShort: 'everything captured now is drill data only',
  more: '{count} other incidents are still open.',
  failoverOverdue: '{minutes} minutes past the 1-hour limit: the SOP says take over to the backup server.',
  simrsBackShort: 'SIMRS reachable again since {time}',
  simrsBack: 'The hub reaches the SIMRS again since {time}. When the SIMRS can be used, close the incident.',
};

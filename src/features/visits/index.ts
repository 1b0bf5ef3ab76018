export { EVENT_LABEL } from './eventLabels';
export { RegistrationSummary } from './RegistrationSummary';
export { TicketSlip } from './TicketSlip';
export { Timeline } from './Timeline';
export { VisitDetailScreen } from './VisitDetailScreen';

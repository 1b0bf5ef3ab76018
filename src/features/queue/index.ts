export { announce, announcementText } from './announce';
export { englishNumber, indonesianNumber, spellCode } from './numberWords';
export { QueueBoard } from './QueueBoard';
export { QueueDisplay } from './QueueDisplay';
export { WaitingRoomScreen } from './WaitingRoomScreen';
export { StatusBadge, STATUS_LABEL } from './StatusBadge';

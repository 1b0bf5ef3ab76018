import type { queueDisplayId } from './queueDisplay.id';

export const queueDisplayEn: Record<keyof typeof queueDisplayId, string> = {
  notReadyTitle: 'The waiting-room screen is not ready',
  notSetUp: 'This device has not been set up for Siaga yet, so there are no calls to show here.',
  noConfig:
    'This device has not received the hospital configuration from the hub yet. Make sure it is on the hospital network, then reload this page.',
  howTitle: 'How to set it up',
  stepSetUp:
    'IT opens Siaga on this device, fills in "Set up this device" (device code and IT account), then enrolls it with the hub under Settings → Hub & configuration.',
  stepOpen:
    'A clinic nurse signs in with their own account on this device, opens Clinic, chooses the clinic, then presses "Open waiting-room screen".',
  stepScreen: 'Drag the window that opens onto the waiting-room TV, then press "Full screen".',
  setUpNow: 'Open Siaga to set up this device',
};

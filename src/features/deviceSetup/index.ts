export { DeviceGate } from './DeviceGate';
export { DeviceSetupForm, ROLE_LABEL } from './DeviceSetupForm';

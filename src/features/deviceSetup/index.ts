export { DeviceGate } from './DeviceGate';

export { AccountsAdmin } from './AccountsAdmin';
export { LockScreen } from './LockScreen';
export { MyAccount } from './MyAccount';
export { ROLE_LABEL } from './roleLabels';
export { SetUpDeviceScreen } from './SetUpDeviceScreen';
export { SignInGate } from './SignInScreen';

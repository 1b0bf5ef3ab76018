export { RegistrationWorkspace } from './RegistrationWorkspace';

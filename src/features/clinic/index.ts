export { AssessmentScreen } from './AssessmentScreen';
export { ClinicWorkspace } from './ClinicWorkspace';

export { formatCountdown, formatDate, formatFacilityDateTime, formatFacilityTime } from './formatTimes';
export {
  matchRoute,
  paths,
  SETTINGS_SECTIONS,
  workspaceOf,
  type Route,
  type SettingsSection,
  type Workspace,
} from './paths';
export { problemText, reasonText } from './problemText';
export { useFacilityNow } from './useFacilityNow';
export { useRuntimeConfig } from './useRuntimeConfig';
export { WhenField } from './WhenField';
export { PatientIdentityLine } from './PatientIdentityLine';
export { usePrint, PrintArea, type Paper } from './print';
export { mayOpen, ROLE_WORKSPACE, useCan } from './access';
export { useMayRecord } from './useMayRecord';
export { useAuditView } from './useAuditView';
export { NewPassphraseFields, newPassphraseProblemOf } from './NewPassphraseFields';
export { downloadText } from './download';

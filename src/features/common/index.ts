export { formatDate, formatFacilityDateTime, formatFacilityTime } from './formatTimes';
export { matchRoute, paths, workspaceOf, type Route, type Workspace } from './paths';
export { problemText, reasonText } from './problemText';
export { useFacilityNow } from './useFacilityNow';
export { useRuntimeConfig } from './useRuntimeConfig';
export { WhenField } from './WhenField';
export { PatientIdentityLine } from './PatientIdentityLine';
export { usePrint, PrintArea, type Paper } from './print';

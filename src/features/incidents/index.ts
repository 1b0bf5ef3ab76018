export { DowntimeLogImportScreen } from './DowntimeLogImportScreen';
export { IncidentReportScreen } from './IncidentReportScreen';
export { IncidentScreen } from './IncidentScreen';
export { IncidentsWorkspace } from './IncidentsWorkspace';

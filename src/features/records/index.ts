export { ImportScreen } from './ImportScreen';
export { RecordsWorkspace } from './RecordsWorkspace';

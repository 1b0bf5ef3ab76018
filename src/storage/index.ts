export { databaseStatusStore, getDb } from './database';
export { DB_NAME, SiagaDb, type JournalRow, type MetaRow, type SyncState } from './db';
export { readMeta, writeMeta } from './meta';
export {
  refreshStorageStatus,
  requestPersistentStorage,
  storageStatusStore,
  type StorageStatus,
} from './persistentStorage';
export {
  loadStoredRuntimeConfig,
  saveRuntimeConfig,
  useStoredRuntimeConfig,
  type StoredRuntimeConfig,
} from './runtimeConfigStore';
export { usePendingCount } from './usePendingCount';

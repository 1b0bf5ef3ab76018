export { appendEvents, type AppendResult } from './appendEvents';
export { loadCaptureContext } from './captureContext';
export {
  DeviceLockedError,
  getCodec,
  isLocked,
  lockedCodec,
  plainCodec,
  setCodec,
  type CodecContext,
  type Encoded,
  type StorageCodec,
} from './codec';
export {
  moveInQueue,
  moveSlip,
  registerVisit,
  requestSlip,
  signAssessment,
} from './commands/captureCommands';
export { correctEvent, voidEvent } from './commands/reviewCommands';
export {
  recordAudit,
  recordPassphraseSet,
  recordUserChanged,
  recordUserCreated,
} from './commands/accountCommands';
export { runCommand, type CommandResult } from './commands/runCommand';
export { databaseStatusStore, getDb } from './database';
export {
  DB_NAME,
  journalIn,
  PROJECTION_TABLES,
  SiagaDb,
  type EventOrigin,
  type JournalRow,
  type MetaRow,
  type SyncError,
  type SyncState,
  type TicketRow,
} from './db';
export {
  loadDeviceIdentity,
  loadDeviceSetup,
  saveDeviceIdentity,
  useDeviceSetup,
  type DeviceIdentity,
  type DeviceSetup,
} from './deviceSetup';
export { accessStore, currentActor, setCurrentActor } from './access';
export { currentSigners, setCurrentSigners, signEvents, type Signer, type Signers } from './signers';
export { encryptedCodec } from './encryptedCodec';
export { encryptAtRest, markEncryptedAtRest, sealPendingEvents } from './encryptAtRest';
export { saveJoinedDevice } from './joinedDevice';
export { hubSealingKey } from './hubSeal';
export {
  CHECK_TEXT,
  checkAad,
  loadKeyring,
  saveKeyring,
  updateKeyring,
  wrapAad,
  type Keyring,
} from './keyring';
export { findUserByUsername, getUser, listUsers, useUsers } from './users';
export { deleteDraft, loadDraft, saveDraft } from './drafts';
export { readMeta, writeMeta } from './meta';
export {
  refreshStorageStatus,
  requestPersistentStorage,
  storageStatusStore,
  type StorageStatus,
} from './persistentStorage';
export {
  planWithCounters,
  dayList,
  findPatients,
  getAssessmentOfVisit,
  getPatient,
  getSlip,
  getSlipsOfVisit,
  getVisit,
  getVisitsOfPatient,
  lastVisitsOf,
  slipWorklist,
  ticketsOfDay,
  visitsOfDay,
  type DayListEntry,
  type PatientQuery,
  type SlipEntry,
  type VisitEntry,
} from './queries';
export { getIncident, listIncidents } from './incidents';
export { getDowntimeLog, listDowntimeLogs } from './downtimeLogs';
export { incidentBacklog, type BacklogCount, type IncidentBacklog } from './incidentBacklog';
export {
  clearDrill,
  closeIncident,
  importDowntimeLog,
  openIncident,
  recordOutageSighting,
  toggleIncidentStep,
  UNIT_OF_ROLE,
  updateIncident,
  withdrawDowntimeLog,
} from './commands/incidentCommands';
export {
  mapTemporaryPatient,
  markBackEntry,
  retryRefusedDeliveries,
  setDeliveryRunning,
  signReconciliation,
} from './commands/deliveryCommands';
export { readJournal, rebuildProjections } from './rebuildProjections';
export {
  loadStoredRuntimeConfig,
  saveRuntimeConfig,
  useStoredRuntimeConfig,
  type StoredRuntimeConfig,
} from './runtimeConfigStore';
export { usePendingCount, useReviewCount } from './usePendingCount';
export {
  useDayList,
  useDowntimeLogs,
  useEventSubject,
  useIncidentBacklog,
  useIncidents,
  useOpenIncidents,
  useSlipWorklist,
  useTickets,
  useVisitDetail,
  useVisitsOfDay,
  type EventSubject,
  type VisitDetail,
} from './liveQueries';
export {
  eventsOfEntities,
  importTransferText,
  slipTransferText,
  type ImportProblem,
  type ImportReport,
} from './transfer';
export { onLocalEventsAppended } from './appendEvents';
export {
  journalCounts,
  loadClockOffset,
  loadHubCredentials,
  loadPullCursor,
  saveClockOffset,
  hubTokens,
  saveHubCredentials,
  savePullCursor,
  TOKEN_CONTEXT,
  useClockOffset,
  useHubCredentials,
  useJournalCounts,
  type ClockOffset,
  type HubCredentials,
  type JournalCounts,
} from './syncStore';
export {
  applyPushResults,
  pendingPage,
  reviewItems,
  useReviewItems,
  type OutboxItem,
  type ReviewItem,
} from './outbox';
export { auditTrail, useAuditTrail } from './auditTrail';
export {
  exportBackup,
  importBackup,
  type BackupImportProblem,
  type BackupImportReport,
  type ExportedBackup,
} from './backup';
export { DEFAULT_RETENTION_DAYS, PURGE_BATCH, purgeAcknowledged } from './purge';
export { knownSigningKeys, rememberSigningKeys, verifyPulledEvents } from './signingKeyDirectory';

/**
 * The storage operations a session runs only after someone acts (sign-in, setup, account
 * changes). Imported lazily so that opening the app does not download the event schemas and
 * the journal writer before the first screen.
 */
export {
  encryptAtRest,
  encryptedCodec,
  markEncryptedAtRest,
  recordAudit,
  recordPassphraseSet,
  recordUserChanged,
  recordUserCreated,
  saveJoinedDevice,
  sealPendingEvents,
} from '@/storage';

import type { shellId } from './shell.id';

export const shellEn: Record<keyof typeof shellId, string> = {
  'app.name': 'Siaga',
  'app.tagline': 'Care goes on while the SIMRS is down',
  'app.skipToContent': 'Skip to content',
  'app.version': 'Version {version}',

  'nav.label': 'Workspaces',
  'nav.home': 'Home',
  'nav.registration': 'Registration',
  'nav.records': 'Medical Records',
  'nav.clinic': 'Clinic',
  'nav.recovery': 'Recovery',
  'nav.audit': 'Audit',
  'nav.incidents': 'Incidents',
  'nav.settings': 'Settings',

  'workspace.registration.purpose':
    'Register arriving patients, issue queue numbers, call patients and raise record-request slips.',
  'workspace.records.purpose':
    'Work the record-request slips: find the folder, soft-copy resume or periodic backup, send it and an RM 1.2 form to the clinic.',
  'workspace.clinic.purpose': 'See the clinic queue, call patients and fill in the RM 1.2 assessment.',
  'workspace.recovery.purpose':
    'After the SIMRS is back: review everything captured, sync it to the SIMRS and fix what it rejects.',
  'workspace.audit.purpose': 'The audit trail: who viewed, printed, exported or corrected what, and when.',
  'workspace.denied': 'Your role may not open this workspace.',
  'workspace.incidents.purpose':
    'Log downtime incidents, follow the SOP steps and produce the monthly response-time report.',
  'workspace.settings.purpose': 'Language, device storage, hospital configuration and app version.',

  'home.title': 'Welcome to Siaga',
  'home.intro': 'Choose the workspace for your task. Siaga opens even when the servers are down.',

  'status.label': 'Device status',
  'status.hub.checking': 'Checking the hub…',
  'status.hub.reachable': 'Hub connected',
  'status.hub.reachableBackup': 'Backup hub connected',
  'status.hub.unreachable': 'Hub unreachable',
  'status.hub.retryIn': 'retrying in {seconds} s',
  'status.pending': 'Not yet synced: {count}',
  'status.pending.loading': 'Not yet synced: …',
  'status.sync.done': 'Synced {time}',
  'status.sync.running': 'Syncing… {count}',
  'status.sync.retrying': 'Sync failed, retrying',
  'status.sync.notEnrolled': 'Not connected to the hub',
  'status.sync.authFailed': 'The hub refused this device: enroll again',
  'status.sync.otherTab': 'Syncing in another tab',
  'status.sync.review': 'Needs review: {count}',
  'status.clock.behind': 'Device clock is {minutes} min behind the hub',
  'status.clock.ahead': 'Device clock is {minutes} min ahead of the hub',
  'simrs.down': 'Manual mode: SIMRS unavailable since {time}',
  'simrs.downBody':
    'Record care in Siaga; everything goes to the SIMRS when it is back, with the real times of service.',
  'status.storage.persisted': 'Persistent storage',
  'status.storage.notPersisted': 'Storage not persistent',
  'status.storage.unsupported': 'Persistent storage not supported',
  'status.storage.unknown': 'Checking storage…',
  'status.storage.usage': '{usage} of {quota}',
  'status.offline.ready': 'Ready to work offline',
  'status.offline.preparing': 'Preparing offline mode…',
  'status.offline.unavailable': 'Offline mode is not available in this browser',

  'update.available': 'A new version of Siaga is available.',
  'update.apply': 'Update now',
  'update.later': 'Later',
  'update.blockedByUnsavedWork':
    'There is unsaved input. Save it first; the update will not discard your input.',
  'update.pendingBadge': 'Update available',

  'db.closedForUpgrade':
    'Siaga was updated in another tab. Save your input, then reload this page to continue.',
  'db.reload': 'Reload',

  'config.missing.title': 'Siaga has no configuration yet',
  'config.missing.body':
    'This device has never received a valid configuration from the hub. Connect it to the hospital network once, then try again. If the problem persists, contact IT.',
  'config.retry': 'Try again',
  'config.loading': 'Loading configuration…',
  'config.invalid.title': 'config.json is invalid',
  'config.invalid.keepingLast':
    'Siaga keeps using the last valid configuration (received {fetchedAt}). Ask IT to fix these fields:',
  'config.invalid.noFallback': 'Ask IT to fix these fields:',
  'config.unreachable': 'Could not fetch the configuration from the hub; using the last copy.',
  'config.field.root': '(whole file)',

  'configIssue.notJson': 'the file is not valid JSON',
  'configIssue.required': 'is required',
  'configIssue.wrongType': 'has the wrong type (expected {expected})',
  'configIssue.tooShort': 'is too short or has too few items (at least {minimum})',
  'configIssue.tooLong': 'is too long or has too many items (at most {maximum})',
  'configIssue.invalidFormat': 'has the wrong format',
  'configIssue.invalidUrl': 'must be an http:// or https:// address',
  'configIssue.notOneOf': 'must be one of: {allowed}',
  'configIssue.unknownField': 'is not a known field (a typo?)',
  'configIssue.hubUrl': 'must be an http(s):// address or a path starting with "/"',
  'configIssue.duplicate': 'value "{value}" is used more than once',
  'configIssue.invalidRegex': 'is not a valid regular expression',
  'configIssue.exampleMismatch': 'the example does not match the pattern',

  'configIssue.matchesTempNumber':
    'the pattern also matches temporary numbers (TMP-…); MRNs and temporary numbers could be confused',

  'settings.language': 'Language',
  'settings.language.hint': 'The language choice is kept on this device.',

  'common.yes': 'Yes',
  'common.no': 'No',
  'error.integrity.title': 'This data cannot be opened: its integrity check failed',
  'error.integrity.body':
    'An encrypted record on this device was changed or damaged, so it is not shown. Other data is safe and sync continues. Choose another workspace to go on, and tell IT.',
  'error.unexpected.title': 'This screen failed to open',
  'error.unexpected.body':
    'Nothing saved is lost. Choose another workspace or reload the app; if it happens again, tell IT.',
};

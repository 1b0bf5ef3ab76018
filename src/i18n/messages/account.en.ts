import type { accountId } from './account.id';

export const accountEn: Record<keyof typeof accountId, string> = {
  'account.username': 'Username',
  'account.usernameHint': 'Lower case without spaces, e.g. rina.p or it-pd1.',
  'account.displayName': 'Full name',
  'account.adminName': 'IT officer’s name',
  'account.passphrase': 'Passphrase',
  'account.passphraseHint':
    'At least 10 characters. A short sentence you remember is safer, e.g. "morning coffee at the clinic".',
  'account.passphraseAgain': 'Repeat the passphrase',
  'account.newPassphrase': 'New passphrase',
  'account.newPassphraseFor': 'New passphrase for {name}',
  'account.initialPassphrase': 'Initial passphrase',
  'account.pin': 'PIN (6 digits)',

  'account.setup.title': 'Set up this device',
  'account.setup.intro':
    'A step for IT, once per device. All patient data on this device is encrypted with a key that only a passphrase opens.',
  'account.setup.introExisting':
    'This device was used before accounts existed. Once it is set up and someone signs in, all data already here is encrypted.',
  'account.setup.joinTitle': 'Connect to the hospital’s hub',
  'account.setup.joinIntro':
    'For the second device and every one after it. The device uses the hospital’s existing accounts: once connected, sign in with your username and passphrase.',
  'account.setup.enrollmentCode': 'Hub enrollment code',
  'account.setup.enrollmentCodeHint':
    'From IT: printed on the hub server’s screen when it starts, e.g. K7QM-4XPD.',
  'account.setup.joinSubmit': 'Connect to the hub',
  'account.setup.joining': 'Connecting to the hub…',
  'account.setup.codeInvalid':
    'The enrollment code is wrong, already used or expired. Ask IT for a new code.',
  'account.setup.deviceCodeTaken':
    'The device code {code} is already used by another device on this hub. Choose one not in use yet (ask IT).',
  'account.setup.hubUnreachable':
    'The hub cannot be reached from this device. Check the network and try again. If the hospital has no hub yet, create a local admin account below.',
  'account.setup.hubError':
    'The hub could not connect this device. Try again; if it keeps happening, contact IT.',
  'account.setup.localTitle': 'The first device, or no hub',
  'account.setup.localIntro':
    'Only for the hospital’s first device or where there is no hub: create an admin account for this device alone. Other devices connect to the hub and use the existing accounts.',
  'account.setup.showLocal': 'Create a local admin account',
  'account.setup.submit': 'Set up device',
  'account.setup.working': 'Preparing keys…',
  'account.setup.joined':
    'Device {device} is connected to the hospital’s hub. Sign in with your existing account: the same username and passphrase as on other devices.',

  'account.signIn.title': 'Sign in',
  'account.signIn.intro':
    'Everyone signs in with their own account. Patient data opens only after signing in.',
  'account.signIn.submit': 'Sign in',
  'account.signIn.working': 'Checking…',
  'account.signIn.wrong': 'The username or passphrase is wrong.',
  'account.signIn.wait': 'Too many wrong attempts. Try again in {seconds} seconds.',
  'account.signIn.hubNeeded':
    'This account has never signed in on this device, and the device is not connected to a hub. Ask IT to enroll the device, or sign in with an account already used here.',
  'account.signIn.hubUnreachable':
    'This account has never signed in on this device, and the hub cannot be reached. A first sign-in needs the hub; accounts already used here can still sign in.',
  'account.signIn.notEscrowed':
    'The hub does not hold this device’s key yet. Ask someone who already has an account on this device to sign in once while the hub is reachable.',
  'account.signIn.noSigningKey':
    'This account has no digital signing key yet, so it cannot record anything. Ask an admin to reset its passphrase, then sign in with the new one.',
  'account.signIn.hubFailed': 'The hub could not handle the sign-in. Try again or contact IT.',

  'account.lock.title': 'Screen locked',
  'account.lock.idle': 'Locked after a while without use. Sign in again as {name}, or switch user.',
  'account.lock.hidden': 'Locked because the app was left. Sign in again as {name}, or switch user.',
  'account.lock.manual': 'Locked by {name}.',
  'account.lock.unlock': 'Unlock',
  'account.lock.wrongPin': 'Wrong PIN.',
  'account.lock.pinExhausted': 'Too many wrong PINs. Sign in with your passphrase.',
  'account.lock.switchUser': 'Switch user',

  'account.mine.title': 'My account',
  'account.mine.signedInAs': 'Signed in as {name} ({username}), {role}.',
  'account.mine.lockNow': 'Lock the screen now',
  'account.mine.signOut': 'Sign out',
  'account.mine.signOutAnyway': 'Sign out anyway',
  'account.mine.unsyncedTitle': '{count} records not yet sent to the hub',
  'account.mine.unsyncedBody':
    'They stay safely stored (encrypted) on this device and are sent when the hub is reachable, also after you sign out.',
  'account.mine.changePassphrase': 'Change passphrase',
  'account.mine.savePassphrase': 'Save new passphrase',
  'account.mine.passphraseChanged': 'Passphrase changed.',
  'account.mine.pinTitle': 'Screen-unlock PIN',
  'account.mine.pinIntro':
    'The PIN only opens a locked screen during this session on this device. After a restart or 5 wrong PINs, sign in with your passphrase.',
  'account.mine.savePin': 'Save PIN',
  'account.mine.pinSaved': 'PIN saved.',

  'account.admin.title': 'User accounts',
  'account.admin.intro':
    'Accounts are hospital-wide. A new account can sign in on this device at once; on other devices the first sign-in needs the hub.',
  'account.admin.listLabel': 'Accounts',
  'account.admin.create': 'Create an account',
  'account.admin.createSubmit': 'Create account',
  'account.admin.created': 'Account {name} created.',
  'account.admin.active': 'active',
  'account.admin.inactive': 'inactive',
  'account.admin.roleOf': 'Role of {name}',
  'account.admin.reset': 'Reset passphrase',
  'account.admin.resetSubmit': 'Save passphrase',
  'account.admin.resetDone': 'Passphrase of {name} reset.',
  'account.admin.deactivate': 'Deactivate',
  'account.admin.deactivateConfirm':
    'Deactivate {name}’s account? It can no longer sign in on any device; its records stay.',
  'audit.actor': '{name} ({role})',
  'audit.col.time': 'Time',
  'audit.col.who': 'Staff',
  'audit.col.device': 'Device',
  'audit.col.what': 'Action',
  'audit.col.subject': 'Concerning',
  'audit.corrected': 'Correction: {type}',
  'audit.count': '{count} records',
  'audit.count.shown': 'Showing {shown} of {total} entries, newest first.',
  'audit.filter.actor': 'Staff',
  'audit.filter.action': 'Action',
  'audit.filter.all': 'All',
  'audit.filter.corrections': 'Corrections and changes',
  'audit.filter.device': 'Device code',
  'audit.filter.date': 'Date',
  'audit.record': 'record …{id}',
  'audit.visit': 'visit …{id}',
  'audit.action.visit_viewed': 'Viewed a visit',
  'audit.action.assessment_viewed': 'Viewed an RM 1.2 assessment',
  'audit.action.printed': 'Printed',
  'audit.action.backup_exported': 'Exported a backup',
  'audit.action.backup_imported': 'Imported a backup',
  'audit.action.signed_in': 'Signed in',
  'audit.action.signed_out': 'Signed out',
  'audit.document.ticket': 'queue ticket',
  'audit.document.registration_summary': 'registration summary',
  'audit.document.slip': 'records slip',
  'audit.document.rm12': 'RM 1.2',
  'backup.title': 'Encrypted backup',
  'backup.intro':
    'For a device about to fail or run out of battery: records not yet sent to the hub go into a file that only the backup passphrase opens, then into another device. Keep the file and its passphrase apart.',
  'backup.passphrase': 'Backup passphrase',
  'backup.passphraseHint': 'At least 10 characters. Tell it to the receiver in person, not with the file.',
  'backup.working': 'Working…',
  'backup.export.title': 'Create a backup',
  'backup.export.intro': '{count} records on this device have not been sent to the hub.',
  'backup.export.submit': 'Download backup',
  'backup.export.done': 'Backup with {count} records created.',
  'backup.export.doneBody':
    'File: {fileName}. The records stay on this device too and are still sent to the hub when it is reachable.',
  'backup.import.title': 'Import a backup from another device',
  'backup.import.file': 'Backup file (.siaga)',
  'backup.import.submit': 'Import backup',
  'backup.import.chooseFile': 'Choose a backup file first.',
  'backup.import.unreadable': 'This file cannot be read (not JSON). Make sure the file is complete.',
  'backup.import.notSiaga': 'This file is not a Siaga backup.',
  'backup.import.invalid':
    'The backup is not valid or comes from another Siaga version. Nothing was imported.',
  'backup.import.wrongPassphrase': 'Wrong backup passphrase, or the file was changed. Nothing was imported.',
  'backup.import.done': '{added} records added; {present} were already on this device.',
  'backup.import.from': 'From device {device}, made {time}. New records will be sent to the hub.',
  'backup.import.addedList': 'Records added',
  'backup.import.typeCount': '{type}: {count}',
};

import type { hubRefusalsId } from './hubRefusals.id';

export const hubRefusalsEn: Record<keyof typeof hubRefusalsId, string> = {
  invalid_request: 'The hub cannot read this device’s request. Reload Siaga; if it happens again, call IT.',
  bad_request: 'The hub cannot read this device’s request. Reload Siaga; if it happens again, call IT.',
  request_timeout: 'The request took too long to reach the hub. Check the network, then try again.',
  headers_too_large: 'The request is too large for the hub. Reload Siaga; if it happens again, call IT.',
  not_found: 'The hub does not know this address. The hub may run another version: call IT.',
  internal:
    'The hub has a problem and could not finish the request. Siaga tries again; if it keeps happening, call IT.',
  origin_not_allowed:
    'The hub only serves the Siaga app from its own address. Open Siaga from the hub’s address, or call IT.',
  too_many_attempts: 'Too many wrong attempts. Wait a moment, then try again.',
  batch_too_large: 'The batch is too large for the hub. Siaga sends it in smaller parts.',
  token_missing: 'This device is not enrolled with the hub yet. Ask IT to enroll it under Settings → Hub.',
  token_unknown: 'The hub no longer knows this device. Ask IT to enroll it again under Settings → Hub.',
  token_revoked:
    'IT has revoked this device from the hub. If the device is trusted, ask IT to enroll it again.',
  token_invalid: 'The hub does not know this device. Ask IT to enroll it again under Settings → Hub.',
  push_only_token: 'A locked device can only send records. Sign in first, then try again.',
  enrollment_code_invalid:
    'The enrollment code is wrong or has expired. Ask IT for the code shown on the hub’s console.',
  device_code_taken: 'Another device already uses this device code. Ask IT for another code.',
  cursor_invalid: 'The hub does not know this device’s sync position. Siaga starts again from the beginning.',
  cursor_foreign: 'The hub’s data was replaced. Siaga fetches every record again from the beginning.',
  sign_in_failed: 'The username or passphrase is wrong, or the account is inactive.',
  key_not_escrowed:
    'The hub does not hold this device’s key yet. Sign in once on the account’s own device while it reaches the hub.',
  key_unreadable: 'The hub cannot open this device’s key. Call IT.',
  admin_sign_in_failed: 'The username or passphrase is wrong, or the account is not an IT account.',
  admin_session_missing: 'Sign in as IT first to manage the hub.',
  admin_session_invalid: 'The IT session on the hub has ended. Sign in again.',
  device_not_found: 'The hub never enrolled that device.',
  no_simulator: 'This hub does not run the SIMRS simulator.',
  config_unavailable: 'The hub cannot read the hospital configuration (config.json). Call IT.',
  config_missing: 'The hospital configuration on the hub is missing or invalid (config.json). Call IT.',
  target_unknown: 'The hub does not know this delivery target. Call IT (delivery.json).',
  patient_unknown:
    'This patient has not reached the hub yet. Wait until the device that registered them has synced, then try again.',
  patient_has_mrn: 'This patient already has a medical-record number. Refresh the list.',
  simrs_unreachable: 'The hub cannot reach the SIMRS. Try again in a moment.',
  simrs_invalid_answer:
    'The SIMRS answered in a way the hub does not understand. Try again; if it happens again, call IT.',
  https_required:
    "The hub serves devices only over a secure (https) address. Open Siaga by the hub's https address; if the browser warns about the certificate, install the hub's certificate first.",
  host_not_allowed:
    'The hub is not known by the address this device used. Open Siaga by the hub address IT gave you, or call IT.',
  simrs_refused:
    'The SIMRS refused to register this patient. If the patient is already in the SIMRS, type their MRN; otherwise call IT.',
  invalid_event: 'Refused by the hub: a value is not valid (field {field}).',
  unreadable: 'Refused by the hub: this record is sealed for another hub and cannot be opened. Call IT.',
  forbidden: 'Refused by the hub: the role of the person who recorded it has no right to this record.',
  unknown_poli: 'Refused by the hub: the clinic is not in the hub’s configuration (field {field}).',
  unknown_doctor:
    'Refused by the hub: the doctor does not practise in that clinic per the hub (field {field}).',
  bad_signature:
    'Refused by the hub: the digital signature of this record is missing or invalid, so it is not proven to be made by the person it names. Contact IT.',
  unknown_signer:
    'Refused by the hub: this record is signed with a key the hub does not know. If the account was made while the hub was out of reach, wait for the sync and send it again; if it keeps happening, contact IT.',
  username_taken: 'Refused by the hub: this username belongs to another account.',
  account_authority:
    'Refused by the hub: accounts are created or changed only by an IT account the hub knows, from a signed-in device. Every device but the first is set up with "Connect to the hospital’s hub", then IT signs in with the account they already have.',
  delivery_authority:
    'Refused by the hub: delivery is started or paused only by a recovery officer the hub knows, from a signed-in device.',
  wrong_entity:
    'Refused by the hub: this record points at something the hub holds as another kind of record, such as an assessment under a visit’s number (field {field}). Call IT before correcting or voiding it.',
  conflict: 'Conflict: the hub already holds other content under the same record number.',
  unknown: 'The hub refused this request. Try again; if it happens again, call IT.',
};

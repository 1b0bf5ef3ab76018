/**
 * Every code the hub answers a device with, in one place: the hub sends only these (its
 * `sendError` takes a `HubErrorCode`), and `src/i18n` says each in both languages for the screens
 * that show a refusal (a test enumerates them and searches `server/` for codes missing here).
 * The English `message` beside a code is for logs and developers, never for the screens.
 */
export const HubError = {
  /** The body or query is not what the route expects. */
  InvalidRequest: 'invalid_request',
  /** Not valid HTTP, or refused by the HTTP layer before any route. */
  BadRequest: 'bad_request',
  RequestTimeout: 'request_timeout',
  HeadersTooLarge: 'headers_too_large',
  NotFound: 'not_found',
  /** The hub failed (a bug or its disk): retried, never acted upon. */
  Internal: 'internal',
  OriginNotAllowed: 'origin_not_allowed',
  TooManyAttempts: 'too_many_attempts',
  BatchTooLarge: 'batch_too_large',
  TokenMissing: 'token_missing',
  TokenUnknown: 'token_unknown',
  TokenRevoked: 'token_revoked',
  TokenInvalid: 'token_invalid',
  PushOnlyToken: 'push_only_token',
  EnrollmentCodeInvalid: 'enrollment_code_invalid',
  DeviceCodeTaken: 'device_code_taken',
  CursorInvalid: 'cursor_invalid',
  CursorForeign: 'cursor_foreign',
  SignInFailed: 'sign_in_failed',
  KeyNotEscrowed: 'key_not_escrowed',
  KeyUnreadable: 'key_unreadable',
  AdminSignInFailed: 'admin_sign_in_failed',
  AdminSessionMissing: 'admin_session_missing',
  AdminSessionInvalid: 'admin_session_invalid',
  DeviceNotFound: 'device_not_found',
  NoSimulator: 'no_simulator',
  ConfigUnavailable: 'config_unavailable',
  ConfigMissing: 'config_missing',
  TargetUnknown: 'target_unknown',
  PatientUnknown: 'patient_unknown',
  PatientHasMrn: 'patient_has_mrn',
  /** Creating a patient: the SIMRS did not answer, or answered outside its contract. */
  SimrsUnreachable: 'simrs_unreachable',
  SimrsInvalidAnswer: 'simrs_invalid_answer',
  /** Creating a patient: the SIMRS said no (its own code and words go to the hub's log). */
  SimrsRefused: 'simrs_refused',
  /** Plain HTTP from the network: only the install page is served there [P30]. */
  HttpsRequired: 'https_required',
  /** The request named a host the hub is not known by (DNS rebinding) [P42]. */
  HostNotAllowed: 'host_not_allowed',
} as const;
export type HubErrorCode = (typeof HubError)[keyof typeof HubError];

/** Why the hub refused one event of a pushed batch (`POST /api/v1/events`) [P6, P19–P21, P24, P27, P31]. */
export const EventRejection = {
  InvalidEvent: 'invalid_event',
  /** A sealed event that does not open with this hub's key. */
  Unreadable: 'unreadable',
  /** The actor's role lacks the right the event needs. */
  Forbidden: 'forbidden',
  UnknownPoli: 'unknown_poli',
  UnknownDoctor: 'unknown_doctor',
  UsernameTaken: 'username_taken',
  /** Unsigned, or a signature that does not hold for the person or device it names [P32, P33]. */
  BadSignature: 'bad_signature',
  /** Signed by a key no account of the hub has [P32]. */
  UnknownSigner: 'unknown_signer',
  AccountAuthority: 'account_authority',
  DeliveryAuthority: 'delivery_authority',
  /**
   * The event's entity, or one it names (`visitId`, `patientId`, `drillId`…), is known to the hub
   * as another kind of entity: an RM 1.2 signed under a visit's id, say [P31].
   */
  WrongEntity: 'wrong_entity',
} as const;
export type EventRejectionCode = (typeof EventRejection)[keyof typeof EventRejection];

/**
 * What the device itself files among the hub's refusals: the hub already holds another event
 * under the same id [P4].
 */
export const EVENT_CONFLICT = 'conflict';

/** Every refusal a device may have to put into words. */
export type HubRefusalCode = HubErrorCode | EventRejectionCode | typeof EVENT_CONFLICT;

export const HUB_REFUSAL_CODES: readonly HubRefusalCode[] = [
  ...Object.values(HubError),
  ...Object.values(EventRejection),
  EVENT_CONFLICT,
];

export function isHubRefusalCode(code: string): code is HubRefusalCode {
  return (HUB_REFUSAL_CODES as readonly string[]).includes(code);
}

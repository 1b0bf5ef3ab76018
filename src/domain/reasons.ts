/**
 * Reason codes for what a person typed wrong or what a rule refused. Schemas and commands report
 * these codes; `src/i18n` turns each into a sentence in the user's language. Decide by code,
 * never by message text.
 */
export const Reason = {
  Required: 'required',
  TooShort: 'tooShort',
  TooLong: 'tooLong',
  InvalidFormat: 'invalidFormat',
  InvalidDate: 'invalidDate',
  InvalidTime: 'invalidTime',
  MrnFormat: 'mrnFormat',
  MrnRequired: 'mrnRequired',
  TempNumberInvalid: 'tempNumberInvalid',
  NikFormat: 'nikFormat',
  BpjsCardFormat: 'bpjsCardFormat',
  PhoneFormat: 'phoneFormat',
  BirthDateOrAgeRequired: 'birthDateOrAgeRequired',
  BirthDateInFuture: 'birthDateInFuture',
  BirthDateTooOld: 'birthDateTooOld',
  AgeRange: 'ageRange',
  UnknownPoli: 'unknownPoli',
  UnknownDoctor: 'unknownDoctor',
  InsurerRequired: 'insurerRequired',
  TimeInFuture: 'timeInFuture',
  TimeOrder: 'timeOrder',
  ServiceDateMismatch: 'serviceDateMismatch',
  QueueTransition: 'queueTransition',
  SlipTransition: 'slipTransition',
  BackupDateRequired: 'backupDateRequired',
  VisitNotFound: 'visitNotFound',
  SlipNotFound: 'slipNotFound',
  EventNotFound: 'eventNotFound',
  AssessmentAlreadySigned: 'assessmentAlreadySigned',
  AssessmentNotSigned: 'assessmentNotSigned',
  /** A cancelled visit gets no new RM 1.2: nobody assessed the patient at it. */
  AssessmentVisitCancelled: 'assessmentVisitCancelled',
  /** A no-show visit gets no new RM 1.2: the patient was not there. */
  AssessmentVisitNoShow: 'assessmentVisitNoShow',
  OutOfRange: 'outOfRange',
  DiastolicNotBelowSystolic: 'diastolicNotBelowSystolic',
  Icd10Format: 'icd10Format',
  OnePrimaryDiagnosis: 'onePrimaryDiagnosis',
  AllergenRequired: 'allergenRequired',
  AttestationRequired: 'attestationRequired',
  ReasonRequired: 'reasonRequired',
  SequenceExhausted: 'sequenceExhausted',
  DeviceNotSetUp: 'deviceNotSetUp',
  NotPermitted: 'notPermitted',
  DeviceLocked: 'deviceLocked',
  UsernameFormat: 'usernameFormat',
  UsernameTaken: 'usernameTaken',
  PassphraseTooShort: 'passphraseTooShort',
  PassphraseTooCommon: 'passphraseTooCommon',
  PassphraseMismatch: 'passphraseMismatch',
  PinFormat: 'pinFormat',
  ConfigMissing: 'configMissing',
  NothingChanged: 'nothingChanged',
  IncidentNotFound: 'incidentNotFound',
  IncidentClosed: 'incidentClosed',
  UnknownSopStep: 'unknownSopStep',
  DrillRunning: 'drillRunning',
  NotADrill: 'notADrill',
  DrillStillOpen: 'drillStillOpen',
  DrillAlreadyCleared: 'drillAlreadyCleared',
  MonthAlreadyImported: 'monthAlreadyImported',
  DowntimeLogNotFound: 'downtimeLogNotFound',
  DowntimeLogWithdrawn: 'downtimeLogWithdrawn',
} as const;
export type Reason = (typeof Reason)[keyof typeof Reason];

/** Things worth a second look that do not block saving. */
export const Warning = {
  NikBirthDateMismatch: 'nikBirthDateMismatch',
  NikSexMismatch: 'nikSexMismatch',
  OpenVisitToday: 'openVisitToday',
  LargeTimeGap: 'largeTimeGap',
} as const;
export type Warning = (typeof Warning)[keyof typeof Warning];

/** A refusal tied to a form field (`''` for the whole form). */
export type FieldProblem = { field: string; reason: Reason; params?: Record<string, string | number> };

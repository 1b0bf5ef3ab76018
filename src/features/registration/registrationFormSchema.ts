import * as z from 'zod/mini';
import {
  bpjsCardSchema,
  IDENTITY_PROOFS,
  isoDateSchema,
  mrnSchema,
  nikSchema,
  PATIENT_KINDS,
  personNameSchema,
  PHONE_PATTERN,
  Reason,
  SEXES,
  type NewPatientIdentity,
  type Payer,
  type When,
} from '@/domain';

/** A text input that may be left empty: empty means "not given", otherwise `schema` applies. */
function blankable<S extends z.core.$ZodType<unknown, string>>(schema: S) {
  return z.pipe(
    z.transform((value: unknown) =>
      typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined,
    ),
    z.optional(schema),
  );
}

const whenSchema = z.custom<When>();

/**
 * The registration form as typed (strings everywhere) and its validated output. Field rules
 * reuse the domain's schemas, so the form and the event agree; which fields are required depends
 * on the kind of patient and the payer.
 */
export const registrationFormSchema = z
  .object({
    knownPatientId: z.string(),
    kind: z.enum(PATIENT_KINDS),
    mrn: blankable(mrnSchema),
    nik: blankable(nikSchema),
    name: z.string(),
    birthDate: blankable(isoDateSchema),
    estimatedAge: blankable(
      z.pipe(
        z.string().check(z.regex(/^\d{1,3}$/, { error: Reason.AgeRange })),
        z.transform((value) => Number(value)),
      ),
    ),
    sex: z.string(),
    phone: blankable(z.string().check(z.regex(PHONE_PATTERN, { error: Reason.PhoneFormat }))),
    address: blankable(z.string().check(z.maxLength(200, { error: Reason.TooLong }))),
    identityVerifiedBy: z.enum(IDENTITY_PROOFS),
    description: blankable(z.string().check(z.maxLength(300, { error: Reason.TooLong }))),
    poliCode: z.string().check(z.minLength(1, { error: Reason.Required })),
    doctorCode: z.string().check(z.minLength(1, { error: Reason.Required })),
    payerType: z.enum(['umum', 'bpjs', 'asuransi']),
    bpjsCardNo: blankable(bpjsCardSchema),
    bookingCode: blankable(
      z.string().check(z.regex(/^[A-Za-z0-9-]{4,30}$/, { error: Reason.InvalidFormat })),
    ),
    referralNo: blankable(
      z.string().check(z.regex(/^[A-Za-z0-9./-]{4,30}$/, { error: Reason.InvalidFormat })),
    ),
    insurerName: blankable(z.string().check(z.maxLength(100, { error: Reason.TooLong }))),
    policyNo: blankable(z.string().check(z.maxLength(50, { error: Reason.TooLong }))),
    transcribed: z.boolean(),
    /** Ticked to register a second visit while one is still open at this poli today. */
    confirmSecondVisit: z.boolean(),
    registeredAt: whenSchema,
    arrivedAt: whenSchema,
  })
  .check(
    z.superRefine(
      (form, ctx) => {
        const issue = (path: string, reason: Reason) =>
          ctx.issues.push({ code: 'custom', path: [path], message: reason, input: form });
        const isNewEntity = form.knownPatientId === '';
        if (isNewEntity) {
          if (!personNameSchema.safeParse(form.name).success)
            issue('name', form.name.trim() ? Reason.TooShort : Reason.Required);
          if (!SEXES.includes(form.sex as (typeof SEXES)[number])) issue('sex', Reason.Required);
          if (form.kind === 'returning' && !form.mrn) issue('mrn', Reason.MrnRequired);
          if (form.kind !== 'unidentified' && !form.birthDate && form.estimatedAge === undefined) {
            issue('birthDate', Reason.BirthDateOrAgeRequired);
          }
          if (form.estimatedAge !== undefined && form.estimatedAge > 130)
            issue('estimatedAge', Reason.AgeRange);
        }
        if (form.payerType === 'bpjs' && !form.bpjsCardNo) issue('bpjsCardNo', Reason.BpjsCardFormat);
        if (form.payerType === 'asuransi' && (!form.insurerName || form.insurerName.length < 2)) {
          issue('insurerName', Reason.InsurerRequired);
        }
        // Run even when a field above already failed: the clerk sees every problem at once, not one
        // more after each attempt to save. (Values here may then be the raw text of a failed field.)
      },
      { when: () => true },
    ),
  );

export type RegistrationFormInput = z.input<typeof registrationFormSchema>;
export type RegistrationFormOutput = z.output<typeof registrationFormSchema>;

export function identityOf(form: RegistrationFormOutput): NewPatientIdentity {
  return {
    kind: form.kind,
    ...(form.mrn && form.kind === 'returning' ? { mrn: form.mrn } : {}),
    ...(form.nik ? { nik: form.nik } : {}),
    name: form.name.trim(),
    ...(form.birthDate ? { birthDate: form.birthDate } : {}),
    ...(form.estimatedAge !== undefined && !form.birthDate ? { estimatedAgeYears: form.estimatedAge } : {}),
    sex: form.sex as NewPatientIdentity['sex'],
    ...(form.phone ? { phone: form.phone } : {}),
    ...(form.address ? { address: form.address } : {}),
    ...(form.bpjsCardNo ? { bpjsCardNo: form.bpjsCardNo } : {}),
    identityVerifiedBy: form.identityVerifiedBy,
    ...(form.description ? { description: form.description } : {}),
  };
}

export function payerOf(form: RegistrationFormOutput): Payer {
  switch (form.payerType) {
    case 'bpjs':
      return {
        type: 'bpjs',
        cardNo: form.bpjsCardNo ?? '',
        ...(form.bookingCode ? { bookingCode: form.bookingCode } : {}),
        ...(form.referralNo ? { referralNo: form.referralNo } : {}),
      };
    case 'asuransi':
      return {
        type: 'asuransi',
        insurerName: form.insurerName ?? '',
        ...(form.policyNo ? { policyNo: form.policyNo } : {}),
      };
    default:
      return { type: 'umum' };
  }
}

/** The form's fields in screen order: after a refused save, focus goes to the first one in error. */
export const FIELD_ORDER = [
  'mrn',
  'nik',
  'name',
  'birthDate',
  'estimatedAge',
  'sex',
  'phone',
  'address',
  'description',
  'poliCode',
  'doctorCode',
  'confirmSecondVisit',
  'payerType',
  'bpjsCardNo',
  'bookingCode',
  'referralNo',
  'insurerName',
  'policyNo',
  'registeredAt',
  'arrivedAt',
] as const satisfies readonly (keyof RegistrationFormInput)[];
export type FormField = (typeof FIELD_ORDER)[number];

/** A command's field path where it differs from the form's name for it. */
const FORM_FIELD_OF_PATH: Readonly<Record<string, FormField>> = {
  estimatedAgeYears: 'estimatedAge',
  'payer.cardNo': 'bpjsCardNo',
  'payer.bookingCode': 'bookingCode',
  'payer.referralNo': 'referralNo',
  'payer.insurerName': 'insurerName',
  'payer.policyNo': 'policyNo',
};

/**
 * Where a command's problem belongs on this form (`patient.mrn` → `mrn`, `payer.cardNo` →
 * `bpjsCardNo`); what belongs to no field (the device, the rights, the patient as a whole) goes
 * to the form itself.
 */
export function formFieldOf(problemField: string): FormField | 'root' {
  const path = problemField.replace(/^patient\.?/, '');
  const field = FORM_FIELD_OF_PATH[path] ?? path;
  return (FIELD_ORDER as readonly string[]).includes(field) ? (field as FormField) : 'root';
}

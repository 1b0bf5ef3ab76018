import * as z from 'zod/mini';
import { IDENTITY_PROOFS } from '../identifiers/identityProofs';
import { checkNik } from '../identifiers/nik';
import { BPJS_CARD_PATTERN, PHONE_PATTERN } from '../identifiers/patientIdentifiers';
import { isTempNumber } from '../identifiers/tempNumber';
import { Reason } from '../reasons';
import { eventSchema, isoDateSchema } from './envelope';

// Far enough ahead that only the date parts of a NIK are checked here; whether the birth date
// is in the past is checked against the event's own time where the form is filled in.
const NIK_SHAPE_HORIZON = new Date(Date.UTC(2100, 0, 1));

export const PATIENT_KINDS = ['returning', 'new', 'unidentified'] as const;
export type PatientKind = (typeof PATIENT_KINDS)[number];

export const SEXES = ['L', 'P'] as const;

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, { error: Reason.TooLong }));

export const mrnSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, { error: Reason.MrnRequired }),
    z.regex(/^[A-Za-z0-9./-]{1,20}$/, { error: Reason.MrnFormat }),
  );
/** A NIK whose every part is possible; a refusal names the first impossible part. */
export const nikSchema = z.string().check(
  z.superRefine((nik, ctx) => {
    const checked = checkNik(nik, NIK_SHAPE_HORIZON);
    if (!checked.ok) ctx.issues.push({ code: 'custom', message: checked.error[0]!, input: nik });
  }),
);
export const bpjsCardSchema = z.string().check(z.regex(BPJS_CARD_PATTERN, { error: Reason.BpjsCardFormat }));
export const personNameSchema = z
  .string()
  .check(z.trim(), z.minLength(2, { error: Reason.TooShort }), z.maxLength(100, { error: Reason.TooLong }));

/** Identity as known at the desk. Which fields are required depends on the kind of patient. */
export const patientIdentitySchema = z
  .strictObject({
    kind: z.enum(PATIENT_KINDS),
    mrn: z.optional(mrnSchema),
    tempNumber: z.optional(z.string().check(z.refine(isTempNumber, { error: Reason.TempNumberInvalid }))),
    nik: z.optional(nikSchema),
    name: personNameSchema,
    birthDate: z.optional(isoDateSchema),
    estimatedAgeYears: z.optional(
      z.number().check(z.int(), z.gte(0, { error: Reason.AgeRange }), z.lte(130, { error: Reason.AgeRange })),
    ),
    sex: z.enum(SEXES),
    phone: z.optional(z.string().check(z.regex(PHONE_PATTERN, { error: Reason.PhoneFormat }))),
    address: z.optional(text(200)),
    bpjsCardNo: z.optional(bpjsCardSchema),
    identityVerifiedBy: z.enum(IDENTITY_PROOFS),
    /** For an unidentified patient: how to recognise them (e.g. "laki-laki ±40 th, diantar polisi"). */
    description: z.optional(text(300)),
  })
  .check(
    z.superRefine((patient, ctx) => {
      const issue = (path: string, reason: Reason) =>
        ctx.issues.push({ code: 'custom', path: [path], message: reason, input: patient });
      if (patient.kind === 'returning' && !patient.mrn) issue('mrn', Reason.MrnRequired);
      if (patient.kind !== 'returning' && !patient.tempNumber) issue('tempNumber', Reason.TempNumberInvalid);
      if (patient.kind !== 'unidentified' && !patient.birthDate && patient.estimatedAgeYears === undefined) {
        issue('birthDate', Reason.BirthDateOrAgeRequired);
      }
      if (patient.birthDate && patient.birthDate < '1900-01-01') issue('birthDate', Reason.BirthDateTooOld);
    }),
  );
export type PatientIdentity = z.output<typeof patientIdentitySchema>;

export const patientRegisteredSchema = eventSchema('patient.registered', patientIdentitySchema);

/** Fields a correction may change; the temporary number and kind are not among them. */
export const patientCorrectionSchema = z.strictObject({
  changes: z.strictObject({
    name: z.optional(personNameSchema),
    nik: z.optional(nikSchema),
    birthDate: z.optional(isoDateSchema),
    sex: z.optional(z.enum(SEXES)),
    phone: z.optional(z.string().check(z.regex(PHONE_PATTERN, { error: Reason.PhoneFormat }))),
    address: z.optional(text(200)),
    bpjsCardNo: z.optional(bpjsCardSchema),
    mrn: z.optional(mrnSchema),
  }),
  reason: z.string().check(z.trim(), z.minLength(3, { error: Reason.ReasonRequired }), z.maxLength(300)),
});
export const patientCorrectedSchema = eventSchema('patient.corrected', patientCorrectionSchema);

/**
 * How a temporary patient got their real MRN after the outage (issue 7): the SIMRS created the
 * patient, a person recognised an existing patient among the duplicate candidates, or the records
 * officer typed it from the SIMRS. A later mapping replaces an earlier one; all stay in the trail.
 */
export const MRN_MAPPING_BASES = ['simrs_created', 'existing_patient', 'entered'] as const;
export type MrnMappingBasis = (typeof MRN_MAPPING_BASES)[number];

export const patientMrnMappedSchema = eventSchema(
  'patient.mrn_mapped',
  z.strictObject({
    mrn: mrnSchema,
    basis: z.enum(MRN_MAPPING_BASES),
    /** How many duplicate candidates the person was shown before deciding. */
    candidatesShown: z.number().check(z.int(), z.gte(0)),
    note: z.optional(text(300)),
  }),
);

import * as z from 'zod/mini';
import { Reason } from '../reasons';

/**
 * RM 1.2 — the nurse's initial outpatient assessment (asesmen awal keperawatan rawat jalan), the
 * de-facto Khanza field set plus the accreditation screenings (DOMAIN.md §7.4). Plausibility
 * ranges are hard limits of physiology: a value outside them is a typo, not a patient. A signed
 * assessment has every answer; each closed answer says `required` when it is missing, so a form
 * that starts unanswered shows the error at that field.
 */
export const RM12_TEMPLATE = 'rm12@1' as const;

const optionalText = (max: number) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, { error: Reason.TooLong })));
const range = (min: number, max: number, integer = true) =>
  z
    .number({ error: Reason.Required })
    .check(
      ...(integer ? [z.int({ error: Reason.InvalidFormat })] : []),
      z.gte(min, { error: Reason.OutOfRange }),
      z.lte(max, { error: Reason.OutOfRange }),
    );

export const VITAL_RANGES = {
  systolic: [50, 300],
  diastolic: [20, 200],
  pulse: [20, 250],
  respiratoryRate: [4, 80],
  temperature: [30, 45],
  spo2: [50, 100],
  weightKg: [0.3, 350],
  heightCm: [30, 250],
} as const;

export const CONDITIONS = ['baik', 'sakit_ringan', 'sakit_sedang', 'sakit_berat'] as const;
/** Levels of consciousness as Khanza records them; mapped to SNOMED at delivery. */
export const CONSCIOUSNESS = ['compos_mentis', 'apatis', 'somnolen', 'sopor', 'koma'] as const;
export const FALL_RISK = ['rendah', 'sedang', 'tinggi'] as const;
export const FUNCTIONAL_STATUS = ['mandiri', 'bantuan_sebagian', 'bantuan_total'] as const;
export const EXAM_FINDINGS = ['normal', 'abnormal', 'tidak_diperiksa'] as const;
export const BODY_SYSTEMS = [
  'kepala',
  'mata',
  'tht',
  'gigiMulut',
  'leher',
  'thoraks',
  'jantung',
  'paru',
  'abdomen',
  'genitalia',
  'ekstremitas',
  'kulit',
] as const;
export type BodySystem = (typeof BODY_SYSTEMS)[number];
export const FOLLOW_UPS = ['pulang', 'kontrol', 'rujuk', 'rawat_inap', 'konsul'] as const;
export const ALLERGY_CATEGORIES = ['makanan', 'obat', 'lingkungan'] as const;

/** ICD-10 (WHO): letter, two digits, optional dot and one or two characters. */
export const ICD10_PATTERN = /^[A-Z]\d{2}(\.[0-9A-Z]{1,2})?$/;

/** A closed answer the person must choose: missing is `required`, not a generic type error. */
const answer = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: Reason.Required });

const findingSchema = z.strictObject({ finding: answer(EXAM_FINDINGS), note: optionalText(300) });

export const rm12ContentSchema = z.strictObject({
  anamnesis: z.strictObject({
    informant: answer(['auto', 'allo']),
    informantRelation: optionalText(50),
    chiefComplaint: z.string().check(z.trim(), z.minLength(2, { error: Reason.Required }), z.maxLength(1000)),
    presentIllness: optionalText(2000),
    pastIllness: optionalText(1000),
    familyHistory: optionalText(1000),
    medicationHistory: optionalText(1000),
  }),
  allergy: z
    .strictObject({
      status: answer(['ada', 'tidak_ada', 'tidak_diketahui']),
      allergens: z.array(
        z.strictObject({
          substance: z.string().check(z.trim(), z.minLength(2, { error: Reason.Required }), z.maxLength(100)),
          category: answer(ALLERGY_CATEGORIES),
          reaction: optionalText(200),
        }),
      ),
    })
    .check(
      z.superRefine((allergy, ctx) => {
        if (allergy.status === 'ada' && allergy.allergens.length === 0) {
          ctx.issues.push({
            code: 'custom',
            path: ['allergens'],
            message: Reason.AllergenRequired,
            input: allergy,
          });
        }
      }),
    ),
  vitals: z
    .strictObject({
      systolic: range(...VITAL_RANGES.systolic),
      diastolic: range(...VITAL_RANGES.diastolic),
      pulse: range(...VITAL_RANGES.pulse),
      respiratoryRate: range(...VITAL_RANGES.respiratoryRate),
      temperature: range(...VITAL_RANGES.temperature, false),
      spo2: z.optional(range(...VITAL_RANGES.spo2)),
      weightKg: z.optional(range(...VITAL_RANGES.weightKg, false)),
      heightCm: z.optional(range(...VITAL_RANGES.heightCm, false)),
    })
    .check(
      z.superRefine((vitals, ctx) => {
        if (vitals.diastolic >= vitals.systolic) {
          ctx.issues.push({
            code: 'custom',
            path: ['diastolic'],
            message: Reason.DiastolicNotBelowSystolic,
            input: vitals,
          });
        }
      }),
    ),
  general: z.strictObject({
    condition: answer(CONDITIONS),
    consciousness: answer(CONSCIOUSNESS),
    gcs: z.optional(z.strictObject({ eye: range(1, 4), verbal: range(1, 5), motor: range(1, 6) })),
  }),
  screening: z.strictObject({
    painScore: range(0, 10),
    painLocation: optionalText(100),
    fallRisk: answer(FALL_RISK),
    functionalStatus: answer(FUNCTIONAL_STATUS),
    /** Malnutrition Screening Tool, 0–5. */
    nutritionScore: range(0, 5),
    psychosocial: optionalText(500),
    educationNeeds: optionalText(500),
  }),
  physicalExam: z.strictObject({
    systems: z.strictObject(
      Object.fromEntries(BODY_SYSTEMS.map((system) => [system, findingSchema])) as Record<
        BodySystem,
        typeof findingSchema
      >,
    ),
    localStatus: optionalText(1000),
  }),
  diagnoses: z
    .array(
      z.strictObject({
        code: z
          .string()
          .check(z.trim(), z.toUpperCase(), z.regex(ICD10_PATTERN, { error: Reason.Icd10Format })),
        text: z.string().check(z.trim(), z.minLength(2, { error: Reason.Required }), z.maxLength(200)),
        rank: answer(['primary', 'secondary']),
      }),
    )
    .check(
      z.minLength(1, { error: Reason.OnePrimaryDiagnosis }),
      // Reported at the rank of each row concerned (every primary, or every row when none is),
      // so the person sees which diagnoses to change, not only that something is wrong.
      z.superRefine((diagnoses, ctx) => {
        const primaries = diagnoses.flatMap((diagnosis, index) =>
          diagnosis.rank === 'primary' ? [index] : [],
        );
        if (primaries.length === 1) return;
        const concerned = primaries.length === 0 ? diagnoses.map((_, index) => index) : primaries;
        for (const index of concerned) {
          ctx.issues.push({
            code: 'custom',
            path: [index, 'rank'],
            message: Reason.OnePrimaryDiagnosis,
            input: diagnoses,
          });
        }
      }),
    ),
  diagnosisCertainty: answer(['kerja', 'akhir']),
  plan: z.strictObject({
    investigations: optionalText(1000),
    therapy: optionalText(2000),
    procedures: optionalText(1000),
    education: optionalText(1000),
    followUp: answer(FOLLOW_UPS),
    followUpDate: z.optional(z.iso.date({ error: Reason.InvalidDate })),
    notes: optionalText(1000),
  }),
});
export type Rm12Content = z.output<typeof rm12ContentSchema>;
export type Rm12Input = z.input<typeof rm12ContentSchema>;

import * as z from 'zod/mini';
import {
  BODY_SYSTEMS,
  Reason,
  rm12ContentSchema,
  type BodySystem,
  type Rm12Content,
  type When,
} from '@/domain';

/**
 * A clinical answer the nurse has not given yet. Findings (allergy, condition, consciousness,
 * screenings, follow-up) start here, never at a likely value: a form signed untouched must not
 * say "no allergy" or "low fall risk" on its own. Signing needs every one answered.
 */
export type Unanswered = '';
type Answer<T> = T | Unanswered;

/** The RM 1.2 as typed: every number is text until validated (a tablet keyboard gives strings). */
export type Rm12FormContent = {
  anamnesis: {
    informant: 'auto' | 'allo';
    informantRelation: string;
    chiefComplaint: string;
    presentIllness: string;
    pastIllness: string;
    familyHistory: string;
    medicationHistory: string;
  };
  allergy: {
    status: Answer<Rm12Content['allergy']['status']>;
    allergens: { substance: string; category: 'makanan' | 'obat' | 'lingkungan'; reaction: string }[];
  };
  vitals: Record<
    'systolic' | 'diastolic' | 'pulse' | 'respiratoryRate' | 'temperature' | 'spo2' | 'weightKg' | 'heightCm',
    string
  >;
  general: {
    condition: Answer<Rm12Content['general']['condition']>;
    consciousness: Answer<Rm12Content['general']['consciousness']>;
    gcs: { eye: string; verbal: string; motor: string };
  };
  screening: {
    painScore: string;
    painLocation: string;
    fallRisk: Answer<Rm12Content['screening']['fallRisk']>;
    functionalStatus: Answer<Rm12Content['screening']['functionalStatus']>;
    nutritionScore: string;
    psychosocial: string;
    educationNeeds: string;
  };
  physicalExam: {
    systems: Record<BodySystem, { finding: 'normal' | 'abnormal' | 'tidak_diperiksa'; note: string }>;
    localStatus: string;
  };
  diagnoses: { code: string; text: string; rank: 'primary' | 'secondary' }[];
  diagnosisCertainty: 'kerja' | 'akhir';
  plan: {
    investigations: string;
    therapy: string;
    procedures: string;
    education: string;
    followUp: Answer<Rm12Content['plan']['followUp']>;
    followUpDate: string;
    notes: string;
  };
};

export type Rm12FormValues = {
  content: Rm12FormContent;
  doctorCode: string;
  transcribed: boolean;
  paperFormRef: string;
  startedAt: When;
  completedAt: When;
  attestation: boolean;
  reason: string;
};

/**
 * A blank RM 1.2. Clinical answers start unanswered (`''`, numbers blank). Defaults are kept only
 * where they claim nothing about the patient: who gave the history (`auto`, the usual case, in
 * plain sight at the top), each body system "not examined" (true until the nurse examines it),
 * the first diagnosis row as the primary one, a working diagnosis (the weaker claim: a final
 * diagnosis is the doctor's to state), the visit's own doctor as the examining doctor, and the
 * times as "now".
 */
export function emptyRm12Form(doctorCode: string): Rm12FormValues {
  return {
    content: {
      anamnesis: {
        informant: 'auto',
        informantRelation: '',
        chiefComplaint: '',
        presentIllness: '',
        pastIllness: '',
        familyHistory: '',
        medicationHistory: '',
      },
      allergy: { status: '', allergens: [] },
      vitals: {
        systolic: '',
        diastolic: '',
        pulse: '',
        respiratoryRate: '',
        temperature: '',
        spo2: '',
        weightKg: '',
        heightCm: '',
      },
      general: { condition: '', consciousness: '', gcs: { eye: '', verbal: '', motor: '' } },
      screening: {
        painScore: '',
        painLocation: '',
        fallRisk: '',
        functionalStatus: '',
        nutritionScore: '',
        psychosocial: '',
        educationNeeds: '',
      },
      physicalExam: {
        systems: Object.fromEntries(
          BODY_SYSTEMS.map((system) => [system, { finding: 'tidak_diperiksa', note: '' }]),
        ) as Rm12FormContent['physicalExam']['systems'],
        localStatus: '',
      },
      diagnoses: [{ code: '', text: '', rank: 'primary' }],
      diagnosisCertainty: 'kerja',
      plan: {
        investigations: '',
        therapy: '',
        procedures: '',
        education: '',
        followUp: '',
        followUpDate: '',
        notes: '',
      },
    },
    doctorCode,
    transcribed: false,
    paperFormRef: '',
    startedAt: { mode: 'now' },
    completedAt: { mode: 'now' },
    attestation: false,
    reason: '',
  };
}

/** `'12,5'` → 12.5 (Indonesian decimal comma accepted); blank → undefined. */
function toNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : Number.NaN;
}

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
/** Unanswered → missing, so the domain schema reports `required` at that field. */
const answered = <T extends string>(value: Answer<T>): T | undefined => (value === '' ? undefined : value);

/** The typed form as the shape the domain schema checks (paths are the same, so errors land on their fields). */
export function toContentCandidate(form: Rm12FormContent): unknown {
  const vital = (key: keyof Rm12FormContent['vitals']) => toNumber(form.vitals[key]);
  const gcsGiven = [form.general.gcs.eye, form.general.gcs.verbal, form.general.gcs.motor].some(
    (value) => value.trim() !== '',
  );
  return {
    anamnesis: {
      informant: form.anamnesis.informant,
      informantRelation:
        form.anamnesis.informant === 'allo' ? optional(form.anamnesis.informantRelation) : undefined,
      chiefComplaint: form.anamnesis.chiefComplaint,
      presentIllness: optional(form.anamnesis.presentIllness),
      pastIllness: optional(form.anamnesis.pastIllness),
      familyHistory: optional(form.anamnesis.familyHistory),
      medicationHistory: optional(form.anamnesis.medicationHistory),
    },
    allergy: {
      status: answered(form.allergy.status),
      allergens:
        form.allergy.status === 'ada'
          ? form.allergy.allergens.map((allergen) => ({ ...allergen, reaction: optional(allergen.reaction) }))
          : [],
    },
    vitals: {
      systolic: vital('systolic'),
      diastolic: vital('diastolic'),
      pulse: vital('pulse'),
      respiratoryRate: vital('respiratoryRate'),
      temperature: vital('temperature'),
      spo2: vital('spo2'),
      weightKg: vital('weightKg'),
      heightCm: vital('heightCm'),
    },
    general: {
      condition: answered(form.general.condition),
      consciousness: answered(form.general.consciousness),
      gcs: gcsGiven
        ? {
            eye: toNumber(form.general.gcs.eye),
            verbal: toNumber(form.general.gcs.verbal),
            motor: toNumber(form.general.gcs.motor),
          }
        : undefined,
    },
    screening: {
      painScore: toNumber(form.screening.painScore),
      painLocation: optional(form.screening.painLocation),
      fallRisk: answered(form.screening.fallRisk),
      functionalStatus: answered(form.screening.functionalStatus),
      nutritionScore: toNumber(form.screening.nutritionScore),
      psychosocial: optional(form.screening.psychosocial),
      educationNeeds: optional(form.screening.educationNeeds),
    },
    physicalExam: {
      systems: Object.fromEntries(
        BODY_SYSTEMS.map((system) => [
          system,
          {
            finding: form.physicalExam.systems[system].finding,
            note: optional(form.physicalExam.systems[system].note),
          },
        ]),
      ),
      localStatus: optional(form.physicalExam.localStatus),
    },
    diagnoses: form.diagnoses.map((diagnosis) => ({
      ...diagnosis,
      code: diagnosis.code.trim().toUpperCase(),
    })),
    diagnosisCertainty: form.diagnosisCertainty,
    plan: {
      investigations: optional(form.plan.investigations),
      therapy: optional(form.plan.therapy),
      procedures: optional(form.plan.procedures),
      education: optional(form.plan.education),
      followUp: answered(form.plan.followUp),
      followUpDate: optional(form.plan.followUpDate),
      notes: optional(form.plan.notes),
    },
  };
}

/**
 * A signed content back into form text, for an amendment; `numberText` writes numbers as the
 * person types them (`37,5` in Indonesian), and `toContentCandidate` reads either form back.
 */
export function fromContent(content: Rm12Content, numberText: (value: number) => string): Rm12FormContent {
  const text = (value: string | undefined) => value ?? '';
  const number = (value: number | undefined) => (value === undefined ? '' : numberText(value));
  return {
    anamnesis: {
      informant: content.anamnesis.informant,
      informantRelation: text(content.anamnesis.informantRelation),
      chiefComplaint: content.anamnesis.chiefComplaint,
      presentIllness: text(content.anamnesis.presentIllness),
      pastIllness: text(content.anamnesis.pastIllness),
      familyHistory: text(content.anamnesis.familyHistory),
      medicationHistory: text(content.anamnesis.medicationHistory),
    },
    allergy: {
      status: content.allergy.status,
      allergens: content.allergy.allergens.map((allergen) => ({
        ...allergen,
        reaction: text(allergen.reaction),
      })),
    },
    vitals: {
      systolic: number(content.vitals.systolic),
      diastolic: number(content.vitals.diastolic),
      pulse: number(content.vitals.pulse),
      respiratoryRate: number(content.vitals.respiratoryRate),
      temperature: number(content.vitals.temperature),
      spo2: number(content.vitals.spo2),
      weightKg: number(content.vitals.weightKg),
      heightCm: number(content.vitals.heightCm),
    },
    general: {
      condition: content.general.condition,
      consciousness: content.general.consciousness,
      gcs: {
        eye: number(content.general.gcs?.eye),
        verbal: number(content.general.gcs?.verbal),
        motor: number(content.general.gcs?.motor),
      },
    },
    screening: {
      painScore: number(content.screening.painScore),
      painLocation: text(content.screening.painLocation),
      fallRisk: content.screening.fallRisk,
      functionalStatus: content.screening.functionalStatus,
      nutritionScore: number(content.screening.nutritionScore),
      psychosocial: text(content.screening.psychosocial),
      educationNeeds: text(content.screening.educationNeeds),
    },
    physicalExam: {
      systems: Object.fromEntries(
        BODY_SYSTEMS.map((system) => [
          system,
          {
            finding: content.physicalExam.systems[system].finding,
            note: text(content.physicalExam.systems[system].note),
          },
        ]),
      ) as Rm12FormContent['physicalExam']['systems'],
      localStatus: text(content.physicalExam.localStatus),
    },
    diagnoses: content.diagnoses.map((diagnosis) => ({ ...diagnosis })),
    diagnosisCertainty: content.diagnosisCertainty,
    plan: {
      investigations: text(content.plan.investigations),
      therapy: text(content.plan.therapy),
      procedures: text(content.plan.procedures),
      education: text(content.plan.education),
      followUp: content.plan.followUp,
      followUpDate: text(content.plan.followUpDate),
      notes: text(content.plan.notes),
    },
  };
}

/** Validation at sign-off: the domain's RM 1.2 rules plus the signature. */
export const rm12SignOffSchema = z.object({
  content: z.pipe(
    z.transform((form: Rm12FormContent) => toContentCandidate(form)),
    rm12ContentSchema,
  ),
  doctorCode: z.string(),
  transcribed: z.boolean(),
  paperFormRef: z.string(),
  startedAt: z.custom<When>(),
  completedAt: z.custom<When>(),
  attestation: z.boolean().check(z.refine((value) => value, { error: Reason.AttestationRequired })),
  reason: z.string(),
});
export type Rm12SignOff = z.output<typeof rm12SignOffSchema>;

import { describe, expect, it } from 'vitest';
import { Reason, rm12ContentSchema } from '@/domain';
import {
  emptyRm12Form,
  fromContent,
  rm12SignOffSchema,
  type Rm12FormValues,
} from '@/features/clinic/rm12FormModel';
import { formatDecimal } from '@/i18n/formatters';
import { RM12_SAMPLE } from '../../domain/rm12Sample';

/** The blank form with only what any signed RM 1.2 needs typed in (complaint, vitals, diagnosis). */
function typedOnly(): Rm12FormValues {
  const form = emptyRm12Form('D001');
  form.content.anamnesis.chiefComplaint = 'Demam tiga hari';
  form.content.vitals = {
    ...form.content.vitals,
    systolic: '120',
    diastolic: '80',
    pulse: '88',
    respiratoryRate: '20',
    temperature: '37,5',
  };
  form.content.diagnoses = [{ code: 'j06.9', text: 'ISPA', rank: 'primary' }];
  form.attestation = true;
  return form;
}

/** Each field path the sign-off refuses, with its reason. */
function refusals(values: Rm12FormValues): Record<string, string> {
  const result = rm12SignOffSchema.safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

const answerAll = (form: Rm12FormValues): Rm12FormValues => {
  form.content.allergy.status = 'tidak_ada';
  form.content.general.condition = 'baik';
  form.content.general.consciousness = 'compos_mentis';
  form.content.screening.painScore = '0';
  form.content.screening.fallRisk = 'rendah';
  form.content.screening.functionalStatus = 'mandiri';
  form.content.screening.nutritionScore = '0';
  form.content.plan.followUp = 'pulang';
  return form;
};

describe('the RM 1.2 form', () => {
  it('starts with every clinical answer unanswered', () => {
    const { content } = emptyRm12Form('D001');
    expect(content.allergy.status).toBe('');
    expect(content.general).toMatchObject({ condition: '', consciousness: '' });
    expect(content.screening).toMatchObject({
      painScore: '',
      fallRisk: '',
      functionalStatus: '',
      nutritionScore: '',
    });
    expect(content.plan.followUp).toBe('');
  });

  it('cannot be signed untouched: allergy, pain, fall risk, nutrition (and the other findings) are required at their fields', () => {
    expect(refusals(typedOnly())).toEqual({
      'content.allergy.status': Reason.Required,
      'content.general.condition': Reason.Required,
      'content.general.consciousness': Reason.Required,
      'content.screening.painScore': Reason.Required,
      'content.screening.fallRisk': Reason.Required,
      'content.screening.functionalStatus': Reason.Required,
      'content.screening.nutritionScore': Reason.Required,
      'content.plan.followUp': Reason.Required,
    });
  });

  it('signs once each is answered, with exactly the answers given', () => {
    const result = rm12SignOffSchema.safeParse(answerAll(typedOnly()));
    if (!result.success) throw new Error(JSON.stringify(result.error.issues));
    expect(result.data.content.allergy).toEqual({ status: 'tidak_ada', allergens: [] });
    expect(result.data.content.screening).toMatchObject({
      painScore: 0,
      fallRisk: 'rendah',
      nutritionScore: 0,
    });
  });

  it('keeps the exact number typed with a decimal comma or a dot, and gives it back as typed in Indonesian', () => {
    const comma = rm12SignOffSchema.parse(answerAll(typedOnly()));
    expect(comma.content.vitals.temperature).toBe(37.5);
    const dot = answerAll(typedOnly());
    dot.content.vitals.temperature = '37.5';
    expect(rm12SignOffSchema.parse(dot).content.vitals.temperature).toBe(37.5);
    const back = fromContent(
      { ...RM12_SAMPLE, vitals: { ...RM12_SAMPLE.vitals, temperature: 36.55, weightKg: 1234.5 } },
      (value) => formatDecimal(value, 'id', { grouping: false }),
    );
    expect(back.vitals.temperature).toBe('36,55');
    expect(back.vitals.weightKg).toBe('1234,5');
    expect(rm12ContentSchema.safeParse(RM12_SAMPLE).success).toBe(true);
  });

  it('flags every primary diagnosis when there are two, at the diagnoses themselves', () => {
    const form = answerAll(typedOnly());
    form.content.diagnoses = [
      { code: 'J06.9', text: 'ISPA', rank: 'primary' },
      { code: 'R50.9', text: 'Demam', rank: 'secondary' },
      { code: 'R51', text: 'Nyeri kepala', rank: 'primary' },
    ];
    expect(refusals(form)).toEqual({
      'content.diagnoses.0.rank': Reason.OnePrimaryDiagnosis,
      'content.diagnoses.2.rank': Reason.OnePrimaryDiagnosis,
    });
    form.content.diagnoses = form.content.diagnoses.map((diagnosis) => ({ ...diagnosis, rank: 'secondary' }));
    expect(Object.keys(refusals(form))).toEqual([
      'content.diagnoses.0.rank',
      'content.diagnoses.1.rank',
      'content.diagnoses.2.rank',
    ]);
  });

  it('still opens and signs a draft saved with the old preselected answers, as it was saved', () => {
    // A draft autosaved before clinical answers started unanswered: the old defaults are values.
    const old = typedOnly();
    old.content.allergy.status = 'tidak_ada';
    old.content.general = {
      condition: 'baik',
      consciousness: 'compos_mentis',
      gcs: { eye: '', verbal: '', motor: '' },
    };
    old.content.screening = {
      ...old.content.screening,
      painScore: '0',
      fallRisk: 'rendah',
      functionalStatus: 'mandiri',
      nutritionScore: '0',
    };
    old.content.plan.followUp = 'pulang';
    const stored: unknown = JSON.parse(JSON.stringify(old));
    const result = rm12SignOffSchema.safeParse(stored);
    expect(result.success && result.data.content.allergy.status).toBe('tidak_ada');
  });
});

describe('formatDecimal', () => {
  it('writes a decimal the Indonesian or the English way, every digit kept', () => {
    expect(formatDecimal(37.5, 'id')).toBe('37,5');
    expect(formatDecimal(37.5, 'en')).toBe('37.5');
    expect(formatDecimal(0.3, 'id')).toBe('0,3');
    expect(formatDecimal(36.55, 'id')).toBe('36,55');
    expect(formatDecimal(1234.5, 'id')).toBe('1.234,5');
    expect(formatDecimal(1234.5, 'id', { grouping: false })).toBe('1234,5');
    expect(formatDecimal(120, 'id')).toBe('120');
  });
});

import { BODY_SYSTEMS, type Rm12Content } from '@/domain';

/** A complete, plausible RM 1.2 for tests. */
export const RM12_SAMPLE: Rm12Content = {
  anamnesis: {
    informant: 'auto',
    chiefComplaint: 'Demam tiga hari, batuk',
    presentIllness: 'Demam naik turun sejak 3 hari',
  },
  allergy: { status: 'ada', allergens: [{ substance: 'Amoksisilin', category: 'obat', reaction: 'Ruam' }] },
  vitals: {
    systolic: 120,
    diastolic: 80,
    pulse: 88,
    respiratoryRate: 20,
    temperature: 38.2,
    spo2: 97,
    weightKg: 60,
    heightCm: 165,
  },
  general: {
    condition: 'sakit_ringan',
    consciousness: 'compos_mentis',
    gcs: { eye: 4, verbal: 5, motor: 6 },
  },
  screening: {
    painScore: 3,
    painLocation: 'Kepala',
    fallRisk: 'rendah',
    functionalStatus: 'mandiri',
    nutritionScore: 0,
  },
  physicalExam: {
    systems: Object.fromEntries(
      BODY_SYSTEMS.map((system) => [system, { finding: 'normal' }]),
    ) as Rm12Content['physicalExam']['systems'],
  },
  diagnoses: [
    { code: 'J06.9', text: 'Infeksi saluran napas atas akut', rank: 'primary' },
    { code: 'R50.9', text: 'Demam', rank: 'secondary' },
  ],
  diagnosisCertainty: 'kerja',
  plan: { therapy: 'Parasetamol 3x500 mg', education: 'Minum cukup', followUp: 'pulang' },
};

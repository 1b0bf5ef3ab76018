import type { Patient, Payer, RuntimeConfig, Visit } from '@/domain';
import type { RegistrationStart } from './registrationStart';
import type { FormField, RegistrationFormInput } from './registrationFormSchema';

type PayerFields = Pick<
  RegistrationFormInput,
  'payerType' | 'bpjsCardNo' | 'bookingCode' | 'referralNo' | 'insurerName' | 'policyNo'
>;

/**
 * How a known patient paid last time. Only what stays true from visit to visit — the payer, the
 * BPJS card, the insurer — never a booking or referral number, which belong to one visit.
 */
export function payerFieldsOf(patient: Patient | undefined, lastPayer: Payer | undefined): PayerFields {
  const none = { bookingCode: '', referralNo: '', insurerName: '', policyNo: '' };
  if (lastPayer?.type === 'bpjs') return { ...none, payerType: 'bpjs', bpjsCardNo: lastPayer.cardNo };
  if (lastPayer?.type === 'asuransi')
    return {
      ...none,
      payerType: 'asuransi',
      bpjsCardNo: patient?.bpjsCardNo ?? '',
      insurerName: lastPayer.insurerName,
      policyNo: lastPayer.policyNo ?? '',
    };
  if (!lastPayer && patient?.bpjsCardNo)
    return { ...none, payerType: 'bpjs', bpjsCardNo: patient.bpjsCardNo };
  return { ...none, payerType: 'umum', bpjsCardNo: patient?.bpjsCardNo ?? '' };
}

/**
 * The poli and doctor a known patient saw last time, when the configuration still has them:
 * a returning patient usually comes back to the same clinic (a BPJS control visit). The clerk
 * sees the choice and changes it when today is different.
 */
function poliFieldsOf(config: RuntimeConfig, lastVisit: Visit | undefined) {
  const lastPoli = lastVisit && config.polis.find((poli) => poli.code === lastVisit.poliCode);
  const poli = lastPoli ?? config.polis[0];
  const sameDoctor = lastPoli?.doctors.some((doctor) => doctor.code === lastVisit?.doctorCode);
  return {
    poliCode: poli?.code ?? '',
    doctorCode: (sameDoctor ? lastVisit?.doctorCode : poli?.doctors[0]?.code) ?? '',
  };
}

/** What the form holds when it opens. */
export function defaultValuesOf(start: RegistrationStart, config: RuntimeConfig): RegistrationFormInput {
  const known = 'patient' in start ? start.patient : undefined;
  const lastVisit = 'patient' in start ? start.lastVisit : undefined;
  const prefill = 'prefill' in start ? start.prefill : {};
  const kind = known?.kind ?? ('kind' in start ? start.kind : 'new');
  return {
    knownPatientId: known?.id ?? '',
    kind,
    mrn: prefill.mrn ?? '',
    nik: prefill.nik ?? '',
    name: prefill.name ?? '',
    birthDate: prefill.birthDate ?? '',
    estimatedAge: '',
    sex: '',
    phone: '',
    address: '',
    identityVerifiedBy:
      kind === 'unidentified' ? 'none' : (config.registration?.defaultIdentityProof ?? 'ktp'),
    description: '',
    ...poliFieldsOf(config, lastVisit),
    ...payerFieldsOf(known, lastVisit?.payer),
    transcribed: false,
    confirmSecondVisit: false,
    registeredAt: { mode: 'now' },
    arrivedAt: { mode: 'now' },
  };
}

/**
 * Where the clerk starts typing: the visit for a patient already known (the identity is done);
 * otherwise the first identity field the search did not fill — the NIK for a new patient (it
 * gives the birth date and sex), the name for a returning one whose MRN is already there.
 */
export function firstFieldOf(start: RegistrationStart): FormField {
  if ('patient' in start) return 'poliCode';
  if (start.kind === 'returning' && !start.prefill.mrn) return 'mrn';
  if (start.kind === 'new' && !start.prefill.nik) return 'nik';
  return 'name';
}

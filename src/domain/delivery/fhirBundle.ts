import type {
  AllergyIntolerance,
  Bundle,
  BundleEntry,
  CodeableConcept,
  Condition,
  Encounter,
  Observation,
  Resource,
} from '@medplum/fhirtypes';
import type { Rm12Content } from '../assessment/rm12Schema';
import type { SimrsVisitDocument } from './simrsDocument';

/**
 * A finished visit as SATUSEHAT-shaped FHIR R4 resources (`../shared/docs/DOMAIN.md` §1): the
 * Encounter, its Conditions, vital-sign Observations and allergies, each a transaction entry that
 * creates it only if no resource with its identifier exists, so the same visit sent twice creates
 * nothing new. Pure: references to SATUSEHAT's own ids come in resolved.
 */

export const NIK_SYSTEM = 'https://fhir.kemkes.go.id/id/nik';
const SYS_IDS = 'http://sys-ids.kemkes.go.id';
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const SNOMED = 'http://snomed.info/sct';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
const HL7 = 'http://terminology.hl7.org/CodeSystem';

/** SATUSEHAT's ids the resources point at (resolved by the adapter, from the MPI and its config). */
export type FhirRefs = {
  organizationId: string;
  /** `Patient/<IHS number>`, found by NIK. */
  patient: string;
  /** The IHS number of the visit's doctor: the Encounter's attender. */
  practitionerId: string;
  /**
   * The IHS number of the RM 1.2's examining doctor (dokter pemeriksa, `assessment.clinician`):
   * the performer of its observations and the recorder of its allergies. Often the visit's doctor,
   * but the form may name another, and the nurse who signs has no IHS number here — she is named
   * in the SIMRS document's `signedBy`, never in place of a doctor.
   */
  examinerId: string;
  /** The poli's Location id. */
  locationId: string;
};

export type FhirEntry = BundleEntry & { fullUrl: string; resource: Resource };

/** Why a visit has no FHIR form (the hub shows the reason and a person decides). */
export type FhirRefusal = 'visit_not_finished' | 'service_times_missing' | 'assessment_missing';

/** SATUSEHAT wants every dateTime in UTC written `+00:00` (DOMAIN.md §1.1); the instant is kept exactly. */
export const fhirUtc = (utc: string) => utc.replace(/Z$/, '+00:00');

const coding = (system: string, code: string, display: string): CodeableConcept => ({
  coding: [{ system, code, display }],
});

/** LOINC code, UCUM unit and display of each vital sign RM 1.2 records (DOMAIN.md §1.6). */
const VITAL_SIGNS: Record<
  keyof Rm12Content['vitals'],
  { loinc: string; display: string; unit: string; ucum: string }
> = {
  pulse: { loinc: '8867-4', display: 'Heart rate', unit: 'beats/min', ucum: '/min' },
  respiratoryRate: { loinc: '9279-1', display: 'Respiratory rate', unit: 'breaths/min', ucum: '/min' },
  systolic: { loinc: '8480-6', display: 'Systolic blood pressure', unit: 'mm[Hg]', ucum: 'mm[Hg]' },
  diastolic: { loinc: '8462-4', display: 'Diastolic blood pressure', unit: 'mm[Hg]', ucum: 'mm[Hg]' },
  temperature: { loinc: '8310-5', display: 'Body temperature', unit: 'C', ucum: 'Cel' },
  spo2: {
    loinc: '2708-6',
    display: 'Oxygen saturation in Arterial blood',
    unit: '%',
    ucum: '%',
  },
  weightKg: { loinc: '29463-7', display: 'Body weight', unit: 'kg', ucum: 'kg' },
  heightCm: { loinc: '8302-2', display: 'Body height', unit: 'cm', ucum: 'cm' },
};

/** Khanza's levels of consciousness on the SNOMED scale SATUSEHAT uses (DOMAIN.md §1.6). */
const CONSCIOUSNESS_SNOMED: Record<Rm12Content['general']['consciousness'], [string, string]> = {
  compos_mentis: ['248234008', 'Mentally alert'],
  apatis: ['300202002', 'Response to voice'],
  somnolen: ['300202002', 'Response to voice'],
  sopor: ['450847001', 'Response to pain'],
  koma: ['422768004', 'Unresponsive'],
};

const ALLERGY_CATEGORY: Record<
  Rm12Content['allergy']['allergens'][number]['category'],
  'food' | 'medication' | 'environment'
> = { makanan: 'food', obat: 'medication', lingkungan: 'environment' };

/**
 * fullUrls only need to be unique within one Bundle: the Encounter takes the visit's own UUID,
 * the n-th other resource the same UUID with its last twelve digits replaced by n.
 */
function fullUrlOf(visitId: string, index: number): string {
  return index === 0
    ? `urn:uuid:${visitId}`
    : `urn:uuid:${visitId.slice(0, 24)}${index.toString(16).padStart(12, '0')}`;
}

/**
 * The visit's entries, the Encounter first and then the Conditions it names as diagnoses (they
 * point at each other through fullUrls, so they must travel in one Bundle), then the rest.
 * Returns the reason instead when the visit cannot be sent as a finished encounter.
 */
export function fhirVisitEntries(
  document: SimrsVisitDocument,
  refs: FhirRefs,
): { ok: true; entries: FhirEntry[]; diagnosisCount: number } | { ok: false; reason: FhirRefusal } {
  const { visit, assessment } = document;
  if (visit.status !== 'done') return { ok: false, reason: 'visit_not_finished' };
  if (!visit.serviceStartedAt || !visit.serviceEndedAt) return { ok: false, reason: 'service_times_missing' };
  if (!assessment) return { ok: false, reason: 'assessment_missing' };

  const org = refs.organizationId;
  const content = assessment.content;
  const encounterUrl = fullUrlOf(visit.localId, 0);
  const subject = { reference: refs.patient };
  const encounter = { reference: encounterUrl };
  const practitioner = { reference: `Practitioner/${refs.practitionerId}` };
  const examiner = { reference: `Practitioner/${refs.examinerId}` };
  const arrived = fhirUtc(visit.arrivedAt.utc);
  const started = fhirUtc(visit.serviceStartedAt.utc);
  const ended = fhirUtc(visit.serviceEndedAt.utc);
  const examinedAt = fhirUtc(assessment.startedAt.utc);
  const recordedAt = fhirUtc(assessment.completedAt.utc);

  const entries: FhirEntry[] = [];
  /** Appends a conditional create; the n-th entry's fullUrl is `fullUrlOf(visit, n)`. */
  function add(resource: Resource & { identifier?: { system?: string; value?: string }[] }): void {
    const id = resource.identifier![0]!;
    entries.push({
      fullUrl: fullUrlOf(visit.localId, entries.length),
      resource,
      request: {
        method: 'POST',
        url: resource.resourceType,
        ifNoneExist: `identifier=${encodeURIComponent(`${id.system}|${id.value}`)}`,
      },
    });
  }
  const identifier = (kind: string, value: string) => [{ system: `${SYS_IDS}/${kind}/${org}`, value }];
  const active = coding(`${HL7}/condition-clinical`, 'active', 'Active');

  const diagnoses = [...content.diagnoses].sort(
    (a, b) => Number(b.rank === 'primary') - Number(a.rank === 'primary'),
  );
  const diagnosisUrls = diagnoses.map((_, index) => fullUrlOf(visit.localId, index + 1));

  const encounterResource: Encounter = {
    resourceType: 'Encounter',
    identifier: identifier('encounter', visit.localId),
    status: 'finished',
    class: { system: `${HL7}/v3-ActCode`, code: 'AMB', display: 'ambulatory' },
    subject,
    participant: [
      {
        type: [coding(`${HL7}/v3-ParticipationType`, 'ATND', 'attender')],
        individual: practitioner,
      },
    ],
    period: { start: arrived, end: ended },
    location: [{ location: { reference: `Location/${refs.locationId}` } }],
    diagnosis: diagnosisUrls.map((url, index) => ({
      condition: { reference: url },
      use: coding(`${HL7}/diagnosis-role`, 'DD', 'Discharge diagnosis'),
      rank: index + 1,
    })),
    // The three statuses SATUSEHAT requires, chained: arrival → examination → end of service.
    statusHistory: [
      { status: 'arrived', period: { start: arrived, end: started } },
      { status: 'in-progress', period: { start: started, end: ended } },
      { status: 'finished', period: { start: ended, end: ended } },
    ],
    serviceProvider: { reference: `Organization/${org}` },
  };
  add(encounterResource);

  for (const diagnosis of diagnoses) {
    const condition: Condition = {
      resourceType: 'Condition',
      identifier: identifier('condition', `${visit.localId}/diagnosis/${diagnosis.code}`),
      clinicalStatus: active,
      category: [coding(`${HL7}/condition-category`, 'encounter-diagnosis', 'Encounter Diagnosis')],
      code: { ...coding(ICD10, diagnosis.code, diagnosis.text), text: diagnosis.text },
      subject,
      encounter,
      recordedDate: recordedAt,
    };
    add(condition);
  }

  const complaint: Condition = {
    resourceType: 'Condition',
    identifier: identifier('condition', `${visit.localId}/chief-complaint`),
    clinicalStatus: active,
    category: [coding(`${HL7}/condition-category`, 'problem-list-item', 'Problem List Item')],
    // Captured as the patient said it: free text, not coded (DOMAIN.md §1.5 allows SNOMED later).
    code: { text: content.anamnesis.chiefComplaint },
    subject,
    encounter,
    recordedDate: recordedAt,
  };
  add(complaint);

  const observation = (
    key: string,
    category: CodeableConcept,
    code: CodeableConcept,
    value: Pick<Observation, 'valueQuantity' | 'valueCodeableConcept'>,
  ): Observation => ({
    resourceType: 'Observation',
    identifier: identifier('observation', `${assessment.localId}/v${assessment.version}/${key}`),
    status: 'final',
    category: [category],
    code,
    subject,
    encounter,
    performer: [examiner],
    effectiveDateTime: examinedAt,
    issued: recordedAt,
    ...value,
  });
  const vitalSigns = coding(`${HL7}/observation-category`, 'vital-signs', 'Vital Signs');
  for (const key of Object.keys(VITAL_SIGNS) as (keyof typeof VITAL_SIGNS)[]) {
    const sign = VITAL_SIGNS[key];
    const value = content.vitals[key];
    if (value === undefined) continue;
    add(
      observation(key, vitalSigns, coding(LOINC, sign.loinc, sign.display), {
        valueQuantity: { value, unit: sign.unit, system: UCUM, code: sign.ucum },
      }),
    );
  }
  const [snomed, display] = CONSCIOUSNESS_SNOMED[content.general.consciousness];
  add(
    observation(
      'consciousness',
      coding(`${HL7}/observation-category`, 'exam', 'Exam'),
      coding(LOINC, '67775-7', 'Level of responsiveness'),
      { valueCodeableConcept: coding(SNOMED, snomed, display) },
    ),
  );

  content.allergy.allergens.forEach((allergen, index) => {
    const allergy: AllergyIntolerance = {
      resourceType: 'AllergyIntolerance',
      identifier: identifier('allergy', `${assessment.localId}/v${assessment.version}/${index + 1}`),
      clinicalStatus: coding(`${HL7}/allergyintolerance-clinical`, 'active', 'Active'),
      verificationStatus: coding(`${HL7}/allergyintolerance-verification`, 'unconfirmed', 'Unconfirmed'),
      category: [ALLERGY_CATEGORY[allergen.category]],
      code: { text: allergen.substance },
      patient: subject,
      encounter,
      recordedDate: recordedAt,
      recorder: examiner,
      ...(allergen.reaction ? { reaction: [{ manifestation: [{ text: allergen.reaction }] }] } : {}),
    };
    add(allergy);
  });

  return { ok: true, entries, diagnosisCount: diagnoses.length };
}

/**
 * The entries as transactions of at most `maxEntries` (a server's limit on conditional
 * transactions): the first holds the Encounter and its diagnoses whatever the limit, the later
 * ones point at the Encounter the first created (`encounterReference` replaces its fullUrl).
 */
export function transactionBundles(
  entries: readonly FhirEntry[],
  diagnosisCount: number,
  maxEntries: number,
): { first: Bundle; later: (encounterReference: string) => Bundle[] } {
  const head = Math.max(maxEntries, 1 + diagnosisCount);
  const bundle = (entry: FhirEntry[]): Bundle => ({ resourceType: 'Bundle', type: 'transaction', entry });
  const encounterUrl = entries[0]!.fullUrl;
  const rest = entries.slice(head);
  return {
    first: bundle(entries.slice(0, head)),
    later: (encounterReference) => {
      const chunks: Bundle[] = [];
      for (let start = 0; start < rest.length; start += maxEntries) {
        const text = JSON.stringify(rest.slice(start, start + maxEntries));
        chunks.push(
          bundle(JSON.parse(text.replaceAll(`"${encounterUrl}"`, `"${encounterReference}"`)) as FhirEntry[]),
        );
      }
      return chunks;
    },
  };
}

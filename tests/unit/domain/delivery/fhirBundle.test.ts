import { describe, expect, it } from 'vitest';
import { fhirVisitEntries, transactionBundles, type FhirRefs } from '@/domain/delivery/fhirBundle';
import { planVisitDeliveries } from '@/domain/delivery/planVisitDeliveries';
import { DEMO_CONFIG } from '../../../../server/demoConfig';
import { outageDay } from '../../../fixtures/outageEvents';
import { fhirR4Problems } from '../../../fixtures/fhirValidation';

const REFS: FhirRefs = {
  organizationId: '10000004',
  patient: 'Patient/P02478375538',
  practitionerId: 'N10000001',
  examinerId: 'N10000002',
  locationId: 'b017aa54-f1df-4ec2-9d84-8823815d7228',
};

const plannedDay = (visits: number, seed: number) =>
  planVisitDeliveries({
    events: outageDay({ visits, seed, clinical: true }).events,
    facility: { code: DEMO_CONFIG.facility.code, timeZone: DEMO_CONFIG.facility.timeZone },
  });

describe('a finished visit as FHIR R4 (SATUSEHAT-shaped)', () => {
  it('is one transaction Bundle of valid resources, each created only if its identifier is new', () => {
    for (const { document } of plannedDay(40, 3)) {
      const built = fhirVisitEntries(document, REFS);
      if (!built.ok) throw new Error(built.reason);
      const bundles = transactionBundles(built.entries, built.diagnosisCount, 100);
      expect(bundles.later('Encounter/x')).toEqual([]);
      const entries = bundles.first.entry!;
      expect(entries[0]!.resource!.resourceType).toBe('Encounter');
      expect(new Set(entries.map((entry) => entry.fullUrl)).size).toBe(entries.length);
      for (const entry of entries) {
        expect(fhirR4Problems(entry.resource!)).toEqual([]);
        const identifier = (entry.resource as { identifier: { system: string; value: string }[] })
          .identifier[0]!;
        expect(identifier.system).toMatch(/^http:\/\/sys-ids\.kemkes\.go\.id\/[a-z]+\/10000004$/);
        expect(entry.request).toEqual({
          method: 'POST',
          url: entry.resource!.resourceType,
          ifNoneExist: `identifier=${encodeURIComponent(`${identifier.system}|${identifier.value}`)}`,
        });
      }
    }
  });

  it('codes vital signs in LOINC with UCUM units and diagnoses in ICD-10, the primary first', () => {
    const [first] = plannedDay(1, 5);
    const built = fhirVisitEntries(first!.document, REFS);
    if (!built.ok) throw new Error(built.reason);
    const resources = built.entries.map((entry) => entry.resource);
    const systolic = resources.find(
      (resource) => resource.resourceType === 'Observation' && resource.code.coding?.[0]?.code === '8480-6',
    );
    expect(systolic).toMatchObject({
      category: [{ coding: [{ code: 'vital-signs' }] }],
      valueQuantity: { value: 120, unit: 'mm[Hg]', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
    });
    const diagnoses = first!.document.assessment!.content.diagnoses;
    const encounter = resources[0]!;
    if (encounter.resourceType !== 'Encounter') throw new Error('the Encounter comes first');
    expect(encounter.diagnosis?.map((diagnosis) => diagnosis.rank)).toEqual(
      diagnoses.map((_, index) => index + 1),
    );
    expect(encounter.diagnosis?.[0]?.condition.reference).toBe(built.entries[1]!.fullUrl);
    expect(resources[1]).toMatchObject({
      resourceType: 'Condition',
      code: {
        coding: [
          {
            system: 'http://hl7.org/fhir/sid/icd-10',
            code: diagnoses.find((d) => d.rank === 'primary')!.code,
          },
        ],
      },
    });
  });

  it('splits a visit past a server’s limit, the Encounter and its diagnoses first, the rest pointing at it', () => {
    const [first] = plannedDay(1, 5);
    const built = fhirVisitEntries(first!.document, REFS);
    if (!built.ok) throw new Error(built.reason);
    const bundles = transactionBundles(built.entries, built.diagnosisCount, 3);
    const later = bundles.later('Encounter/abc');
    const sizes = [bundles.first, ...later].map((bundle) => bundle.entry!.length);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(built.entries.length);
    expect(Math.max(...sizes.slice(1))).toBeLessThanOrEqual(3);
    expect(JSON.stringify(later)).not.toContain(built.entries[0]!.fullUrl);
    expect(JSON.stringify(later)).toContain('"encounter":{"reference":"Encounter/abc"}');
  });

  it('names the examining doctor as performer and recorder, the visit doctor as attender', () => {
    const withAllergy = plannedDay(40, 3).find(
      ({ document }) => (document.assessment?.content.allergy.allergens.length ?? 0) > 0,
    );
    const built = fhirVisitEntries(withAllergy!.document, REFS);
    if (!built.ok) throw new Error(built.reason);
    const resources = built.entries.map((entry) => entry.resource);
    const encounter = resources[0]!;
    if (encounter.resourceType !== 'Encounter') throw new Error('the Encounter comes first');
    expect(encounter.participant?.[0]?.individual).toEqual({ reference: 'Practitioner/N10000001' });
    const observations = resources.filter((resource) => resource.resourceType === 'Observation');
    expect(observations.length).toBeGreaterThan(0);
    for (const observation of observations)
      expect(observation.performer).toEqual([{ reference: 'Practitioner/N10000002' }]);
    const allergies = resources.filter((resource) => resource.resourceType === 'AllergyIntolerance');
    expect(allergies.length).toBeGreaterThan(0);
    for (const allergy of allergies)
      expect(allergy.recorder).toEqual({ reference: 'Practitioner/N10000002' });
  });

  it('refuses what is not a finished visit with an assessment', () => {
    const planned = planVisitDeliveries({
      events: outageDay({ visits: 1, seed: 5 }).events,
      facility: { code: DEMO_CONFIG.facility.code, timeZone: DEMO_CONFIG.facility.timeZone },
    });
    expect(fhirVisitEntries(planned[0]!.document, REFS)).toEqual({ ok: false, reason: 'assessment_missing' });
    const unfinished = {
      ...planned[0]!.document,
      visit: { ...planned[0]!.document.visit, status: 'serving' as const },
    };
    expect(fhirVisitEntries(unfinished, REFS)).toEqual({ ok: false, reason: 'visit_not_finished' });
  });
});

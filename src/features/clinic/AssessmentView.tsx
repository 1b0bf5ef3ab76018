import { BODY_SYSTEMS, type AssessmentVersion, type FacilityTimeZone } from '@/domain';
import { ROLE_LABEL } from '@/features/account';
import { formatDate, formatFacilityDateTime } from '@/features/common';
import { useDecimal, useT, type MessageKey } from '@/i18n';

/**
 * A signed RM 1.2 as read (and printed on A4): every section, the version, the examining doctor
 * and the signature. The signer is the event's actor (the person signed in, with their role),
 * never the doctor chosen on the form: a nurse's signature must not read as the doctor's.
 */
export function AssessmentView({ version, zone }: { version: AssessmentVersion; zone: FacilityTimeZone }) {
  const t = useT();
  const decimal = useDecimal();
  const { content } = version;
  const signer = t('assessment.signer', {
    name: version.signedBy.name,
    role: t(ROLE_LABEL[version.signedBy.role]),
  });
  const label = (prefix: string, value: string) => t(`${prefix}.${value}` as MessageKey);
  const vitals: [MessageKey, string, number | undefined][] = [
    ['rm12.systolic', 'mmHg', content.vitals.systolic],
    ['rm12.diastolic', 'mmHg', content.vitals.diastolic],
    ['rm12.pulse', '/mnt', content.vitals.pulse],
    ['rm12.respiratoryRate', '/mnt', content.vitals.respiratoryRate],
    ['rm12.temperature', '°C', content.vitals.temperature],
    ['rm12.spo2', '%', content.vitals.spo2],
    ['rm12.weight', 'kg', content.vitals.weightKg],
    ['rm12.height', 'cm', content.vitals.heightCm],
  ];
  const row = (term: string, value: string | number | undefined) =>
    value === undefined || value === '' ? null : (
      <div key={term}>
        <dt>{term}</dt>
        <dd>{value}</dd>
      </div>
    );
  return (
    <article className="assessment-view">
      <p className="assessment-view__meta">
        {t('assessment.versionLine', {
          version: version.version,
          started: formatFacilityDateTime(version.startedAt, zone),
          completed: formatFacilityDateTime(version.completedAt, zone),
        })}
        {version.source === 'transcribed_from_paper'
          ? ` ${t('assessment.transcribedBy', { name: signer, time: formatFacilityDateTime(version.recordedAt, zone) })}`
          : ''}
      </p>
      <p>{t('assessment.examiner', { name: version.clinician.name })}</p>
      {version.reason ? <p>{t('assessment.amendReasonValue', { reason: version.reason })}</p> : null}

      <h3>{t('rm12.sectionAnamnesis')}</h3>
      <dl className="summary-list">
        {row(
          t('rm12.informant'),
          label('rm12.informant', content.anamnesis.informant) +
            (content.anamnesis.informantRelation ? ` (${content.anamnesis.informantRelation})` : ''),
        )}
        {row(t('rm12.chiefComplaint'), content.anamnesis.chiefComplaint)}
        {row(t('rm12.presentIllness'), content.anamnesis.presentIllness)}
        {row(t('rm12.pastIllness'), content.anamnesis.pastIllness)}
        {row(t('rm12.familyHistory'), content.anamnesis.familyHistory)}
        {row(t('rm12.medicationHistory'), content.anamnesis.medicationHistory)}
      </dl>

      <h3>{t('rm12.sectionAllergy')}</h3>
      <p>
        {label('rm12.allergy', content.allergy.status)}
        {content.allergy.allergens.length > 0
          ? `: ${content.allergy.allergens.map((allergen) => `${allergen.substance} (${label('rm12.allergyCategory', allergen.category)}${allergen.reaction ? `, ${allergen.reaction}` : ''})`).join('; ')}`
          : ''}
      </p>

      <h3>{t('rm12.sectionVitals')}</h3>
      <dl className="summary-list summary-list--compact">
        {vitals.map(([key, unit, value]) =>
          row(t(key), value === undefined ? undefined : `${decimal(value)} ${unit}`),
        )}
      </dl>

      <h3>{t('rm12.sectionGeneral')}</h3>
      <dl className="summary-list">
        {row(t('rm12.condition'), label('rm12.condition', content.general.condition))}
        {row(t('rm12.consciousness'), label('rm12.consciousness', content.general.consciousness))}
        {content.general.gcs
          ? row(
              t('rm12.gcs'),
              `E${decimal(content.general.gcs.eye)} V${decimal(content.general.gcs.verbal)} M${decimal(content.general.gcs.motor)} = ${decimal(content.general.gcs.eye + content.general.gcs.verbal + content.general.gcs.motor)}`,
            )
          : null}
      </dl>

      <h3>{t('rm12.sectionScreening')}</h3>
      <dl className="summary-list">
        {row(
          t('rm12.painScore'),
          `${decimal(content.screening.painScore)}/10${content.screening.painLocation ? ` — ${content.screening.painLocation}` : ''}`,
        )}
        {row(t('rm12.fallRisk'), label('rm12.fallRisk', content.screening.fallRisk))}
        {row(t('rm12.functionalStatus'), label('rm12.functional', content.screening.functionalStatus))}
        {row(t('rm12.nutritionScore'), `${decimal(content.screening.nutritionScore)}/5`)}
        {row(t('rm12.psychosocial'), content.screening.psychosocial)}
        {row(t('rm12.educationNeeds'), content.screening.educationNeeds)}
      </dl>

      <h3>{t('rm12.sectionExam')}</h3>
      <dl className="summary-list summary-list--compact">
        {BODY_SYSTEMS.map((system) =>
          row(
            t(`rm12.system.${system}` as MessageKey),
            `${label('rm12.finding', content.physicalExam.systems[system].finding)}${content.physicalExam.systems[system].note ? ` — ${content.physicalExam.systems[system].note}` : ''}`,
          ),
        )}
        {row(t('rm12.localStatus'), content.physicalExam.localStatus)}
      </dl>

      <h3>{t('rm12.sectionDiagnosis')}</h3>
      <ul>
        {content.diagnoses.map((diagnosis) => (
          <li key={`${diagnosis.code}-${diagnosis.rank}`}>
            <strong>{diagnosis.code}</strong> {`${diagnosis.text} (${label('rm12.rank', diagnosis.rank)})`}
          </li>
        ))}
      </ul>
      <p>{t('rm12.certaintyValue', { value: label('rm12.certainty', content.diagnosisCertainty) })}</p>

      <h3>{t('rm12.sectionPlan')}</h3>
      <dl className="summary-list">
        {row(t('rm12.investigations'), content.plan.investigations)}
        {row(t('rm12.therapy'), content.plan.therapy)}
        {row(t('rm12.procedures'), content.plan.procedures)}
        {row(t('rm12.education'), content.plan.education)}
        {row(
          t('rm12.followUp'),
          label('rm12.followUp', content.plan.followUp) +
            (content.plan.followUpDate ? ` — ${formatDate(content.plan.followUpDate)}` : ''),
        )}
        {row(t('rm12.notes'), content.plan.notes)}
      </dl>
      <p className="assessment-view__signature">{t('assessment.signature', { signer })}</p>
    </article>
  );
}

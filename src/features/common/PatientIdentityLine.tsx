import type { Patient } from '@/domain';
import { useT } from '@/i18n';
import { formatDate } from './formatTimes';

/** Name and the identifiers a clerk checks against the card: MRN or temporary number, NIK, birth date. */
export function PatientIdentityLine({ patient }: { patient: Patient | undefined }) {
  const t = useT();
  if (!patient) return <span className="patient-line patient-line--missing">{t('patient.unknown')}</span>;
  return (
    <span className="patient-line">
      <strong className="patient-line__name">{patient.name}</strong>
      {patient.mrn ? <span>{t('patient.mrnValue', { mrn: patient.mrn })}</span> : null}
      {patient.tempNumber ? <span>{t('patient.tempValue', { number: patient.tempNumber })}</span> : null}
      {patient.nik ? <span>{t('patient.nikValue', { nik: patient.nik })}</span> : null}
      {patient.birthDate ? (
        <span>{t('patient.birthValue', { date: formatDate(patient.birthDate) })}</span>
      ) : null}
      {!patient.birthDate && patient.estimatedAgeYears !== undefined ? (
        <span>{t('patient.ageValue', { age: patient.estimatedAgeYears })}</span>
      ) : null}
      <span>{t(patient.sex === 'L' ? 'patient.sexL' : 'patient.sexP')}</span>
    </span>
  );
}

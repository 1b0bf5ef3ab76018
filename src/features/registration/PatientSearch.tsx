import { useState, type FormEvent } from 'react';
import type { Patient, PatientKind } from '@/domain';
import { PatientIdentityLine } from '@/features/common';
import { useT } from '@/i18n';
import { findPatients, getDb, type PatientQuery } from '@/storage';
import { Button } from '@/ui/Button';
import { RadioGroup, TextField } from '@/ui/Field';

type SearchBy = 'mrn' | 'nik' | 'nameDob';

export type PatientChoice =
  | { patient: Patient }
  | { kind: PatientKind; prefill: { mrn?: string; nik?: string; name?: string; birthDate?: string } };

/**
 * Finds a returning patient among those this device knows — by MRN, NIK, or name with birth
 * date — or starts a registration from the patient's card, as a new patient, or unidentified.
 */
export function PatientSearch({ onChoose }: { onChoose: (choice: PatientChoice) => void }) {
  const t = useT();
  const [by, setBy] = useState<SearchBy>('mrn');
  const [mrn, setMrn] = useState('');
  const [nik, setNik] = useState('');
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [results, setResults] = useState<Patient[] | undefined>();

  const query = (): PatientQuery | undefined => {
    if (by === 'mrn') return mrn.trim() ? { mrn } : undefined;
    if (by === 'nik') return nik.trim() ? { nik } : undefined;
    return name.trim() && birthDate ? { name, birthDate } : undefined;
  };
  const search = async (event: FormEvent) => {
    event.preventDefault();
    const current = query();
    setResults(current ? await findPatients(getDb(), current) : []);
  };
  const prefill = {
    ...(by === 'mrn' && mrn.trim() ? { mrn: mrn.trim() } : {}),
    ...(by === 'nik' && nik.trim() ? { nik: nik.trim() } : {}),
    ...(by === 'nameDob' && name.trim() ? { name: name.trim() } : {}),
    ...(by === 'nameDob' && birthDate ? { birthDate } : {}),
  };

  return (
    <section aria-labelledby="patient-search-title" className="form-card">
      <h2 id="patient-search-title">{t('registration.searchTitle')}</h2>
      <form onSubmit={(event) => void search(event)} noValidate>
        <RadioGroup
          legend={t('registration.searchBy')}
          name="search-by"
          value={by}
          onChange={(value) => {
            setBy(value as SearchBy);
            setResults(undefined);
          }}
          options={[
            { value: 'mrn', label: t('registration.searchByMrn') },
            { value: 'nik', label: t('registration.searchByNik') },
            { value: 'nameDob', label: t('registration.searchByNameDob') },
          ]}
        />
        <div className="form-row">
          {by === 'mrn' ? (
            <TextField
              label={t('patient.mrn')}
              value={mrn}
              onChange={(event) => setMrn(event.target.value)}
              autoComplete="off"
            />
          ) : null}
          {by === 'nik' ? (
            <TextField
              label={t('patient.nik')}
              value={nik}
              inputMode="numeric"
              maxLength={16}
              onChange={(event) => setNik(event.target.value)}
              autoComplete="off"
            />
          ) : null}
          {by === 'nameDob' ? (
            <>
              <TextField
                label={t('patient.name')}
                value={name}
                onChange={(event) => setName(event.target.value)}
                autoComplete="off"
              />
              <TextField
                label={t('patient.birthDate')}
                type="date"
                value={birthDate}
                onChange={(event) => setBirthDate(event.target.value)}
              />
            </>
          ) : null}
          <Button type="submit" variant="primary" className="form-row__action">
            {t('registration.search')}
          </Button>
        </div>
      </form>

      {results !== undefined ? (
        <div role="status" aria-live="polite">
          {results.length === 0 ? (
            <p>{t('registration.noMatch')}</p>
          ) : (
            <ul className="result-list" aria-label={t('registration.results')}>
              {results.map((patient) => (
                <li key={patient.id} className="result-list__item">
                  <PatientIdentityLine patient={patient} />
                  <Button variant="primary" onClick={() => onChoose({ patient })}>
                    {t('registration.registerThis')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}

      <div className="choice-buttons">
        <Button onClick={() => onChoose({ kind: 'returning', prefill })}>
          {t('registration.startReturning')}
        </Button>
        <Button onClick={() => onChoose({ kind: 'new', prefill })}>{t('registration.startNew')}</Button>
        <Button onClick={() => onChoose({ kind: 'unidentified', prefill: {} })}>
          {t('registration.startUnidentified')}
        </Button>
      </div>
    </section>
  );
}

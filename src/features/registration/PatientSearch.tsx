import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Patient, RuntimeConfig, Visit } from '@/domain';
import { formatDate, PatientIdentityLine } from '@/features/common';
import { useT } from '@/i18n';
import { useRegistrationT } from '@/i18n/registration';
import { findPatients, getDb, lastVisitsOf, type PatientQuery } from '@/storage';
import { Button } from '@/ui/Button';
import { RadioGroup, TextField } from '@/ui/Field';
import type { RegistrationStart } from './registrationStart';

type SearchBy = 'mrn' | 'nik' | 'nameDob';
type Found = { patient: Patient; lastVisit: Visit | undefined };

/**
 * Finds a returning patient among those this device knows — by MRN, NIK, or name with birth
 * date — or starts a registration from the patient's card, as a new patient, or unidentified.
 * Keyboard first: the search field has focus when the screen opens, Enter searches, and focus
 * then goes to the first patient found (Enter registers them) or, when nobody is found by MRN or
 * NIK, to the matching way of registering from the card.
 */
export function PatientSearch({
  config,
  onChoose,
}: {
  config: RuntimeConfig;
  onChoose: (choice: RegistrationStart) => void;
}) {
  const t = useT();
  const tr = useRegistrationT();
  const [by, setBy] = useState<SearchBy>('mrn');
  const [mrn, setMrn] = useState('');
  const [nik, setNik] = useState('');
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [results, setResults] = useState<Found[] | undefined>();
  const searchField = useRef<HTMLInputElement>(null);
  const firstResult = useRef<HTMLButtonElement>(null);
  const startReturning = useRef<HTMLButtonElement>(null);
  const startNew = useRef<HTMLButtonElement>(null);

  useEffect(() => searchField.current?.focus(), []);
  // Where the clerk goes next once the answer is on screen.
  useEffect(() => {
    if (results === undefined) return;
    if (results.length > 0) firstResult.current?.focus();
    else if (by === 'mrn') startReturning.current?.focus();
    else if (by === 'nik') startNew.current?.focus();
  }, [results, by]);

  const query = (): PatientQuery | undefined => {
    if (by === 'mrn') return mrn.trim() ? { mrn } : undefined;
    if (by === 'nik') return nik.trim() ? { nik } : undefined;
    return name.trim() && birthDate ? { name, birthDate } : undefined;
  };
  const search = async (event: FormEvent) => {
    event.preventDefault();
    const current = query();
    const patients = current ? await findPatients(getDb(), current) : [];
    const lastVisits = await lastVisitsOf(
      getDb(),
      patients.map((patient) => patient.id),
    );
    setResults(patients.map((patient) => ({ patient, lastVisit: lastVisits.get(patient.id) })));
  };
  const prefill = {
    ...(by === 'mrn' && mrn.trim() ? { mrn: mrn.trim() } : {}),
    ...(by === 'nik' && nik.trim() ? { nik: nik.trim() } : {}),
    ...(by === 'nameDob' && name.trim() ? { name: name.trim() } : {}),
    ...(by === 'nameDob' && birthDate ? { birthDate } : {}),
  };
  const poliName = (code: string) => config.polis.find((poli) => poli.code === code)?.name ?? code;

  return (
    <section aria-labelledby="patient-search-title" className="form-card">
      <h2 id="patient-search-title">{tr('searchTitle')}</h2>
      <form onSubmit={(event) => void search(event)} noValidate>
        <RadioGroup
          legend={tr('searchBy')}
          name="search-by"
          value={by}
          onChange={(value) => {
            setBy(value as SearchBy);
            setResults(undefined);
          }}
          options={[
            { value: 'mrn', label: tr('searchByMrn') },
            { value: 'nik', label: tr('searchByNik') },
            { value: 'nameDob', label: tr('searchByNameDob') },
          ]}
        />
        <div className="form-row">
          {by === 'mrn' ? (
            <TextField
              ref={searchField}
              label={t('patient.mrn')}
              value={mrn}
              onChange={(event) => setMrn(event.target.value)}
              autoComplete="off"
            />
          ) : null}
          {by === 'nik' ? (
            <TextField
              ref={searchField}
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
                ref={searchField}
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
            {tr('search')}
          </Button>
        </div>
      </form>

      {results !== undefined ? (
        <div role="status" aria-live="polite">
          {results.length === 0 ? (
            <p>{tr('noMatch')}</p>
          ) : (
            <ul className="result-list" aria-label={tr('results')}>
              {results.map(({ patient, lastVisit }, index) => (
                <li key={patient.id} className="result-list__item">
                  <div>
                    <PatientIdentityLine patient={patient} />
                    {lastVisit ? (
                      <p className="field__hint">
                        {tr('lastVisit', {
                          poli: poliName(lastVisit.poliCode),
                          date: formatDate(lastVisit.serviceDate),
                        })}
                      </p>
                    ) : null}
                  </div>
                  <Button
                    ref={index === 0 ? firstResult : undefined}
                    variant="primary"
                    onClick={() => onChoose({ patient, ...(lastVisit ? { lastVisit } : {}) })}
                  >
                    {tr('registerThis')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}

      <div className="choice-buttons">
        <Button ref={startReturning} onClick={() => onChoose({ kind: 'returning', prefill })}>
          {tr('startReturning')}
        </Button>
        <Button ref={startNew} onClick={() => onChoose({ kind: 'new', prefill })}>
          {tr('startNew')}
        </Button>
        <Button onClick={() => onChoose({ kind: 'unidentified', prefill: {} })}>
          {tr('startUnidentified')}
        </Button>
      </div>
    </section>
  );
}

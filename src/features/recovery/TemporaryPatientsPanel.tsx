import { useEffect, useState } from 'react';
import type { FacilityTimeZone, MrnMappingBasis, RuntimeConfig } from '@/domain';
import type { PatientCandidates, WaitingPatient } from '@/domain/delivery/deliveryStatus';
import { formatDate, formatFacilityDateTime, problemText, useMayRecord } from '@/features/common';
import { useT } from '@/i18n';
import { useDeliveryT, type DeliveryTranslate } from '@/i18n/delivery';
import { getDb, mapTemporaryPatient } from '@/storage';
import type { DeliveryCalls } from '@/sync';
import { Button } from '@/ui/Button';
import { Dialog } from '@/ui/Dialog';
import { TextField } from '@/ui/Field';
import { Notice } from '@/ui/Notice';
import { useDeliveryFailureText } from './deliveryFailureText';

type Outcome = { tone: 'success' | 'danger' | 'warning'; text: string };
type Candidate = PatientCandidates['candidates'][number];

/** How a candidate matches: same NIK, or a similar name with the same birth date and sex. */
function matchText(td: DeliveryTranslate, candidate: Candidate): string {
  return candidate.match === 'nik'
    ? td('temp.match.nik')
    : td('temp.match.name_birth_sex', { percent: Math.round(candidate.similarity * 100) });
}

/** A candidate as the confirmation names it: name, number, how it matches. */
function candidateLine(td: DeliveryTranslate, candidate: Candidate): string {
  return td('temp.confirmCandidate', {
    name: candidate.name,
    number: candidate.mrn
      ? `${td('temp.col.mrn')} ${candidate.mrn}`
      : candidate.tempNumber
        ? td('temp.alsoTemporary', { tempNumber: candidate.tempNumber })
        : '—',
    match: matchText(td, candidate),
  });
}

/**
 * Registering a new patient while duplicate candidates are on screen: the person confirms, having
 * read who the candidates are. A second record of the same person in the SIMRS is hard to undo.
 */
function ConfirmNewPatient({
  patient,
  candidates,
  open,
  onConfirm,
  onCancel,
}: {
  patient: WaitingPatient;
  candidates: readonly Candidate[];
  open: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const td = useDeliveryT();
  return (
    <Dialog open={open} title={td('temp.confirmTitle', { name: patient.name })} onClose={onCancel}>
      <p>{td('temp.confirmBody')}</p>
      <h3>{td('temp.confirmCandidates')}</h3>
      <ul>
        {candidates.map((candidate, index) => (
          <li key={`${candidate.source}-${candidate.mrn ?? candidate.patientId ?? index}`}>
            {candidateLine(td, candidate)}
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <Button variant="primary" onClick={onCancel}>
          {td('temp.confirmCancel')}
        </Button>
        <Button onClick={onConfirm}>{td('temp.confirmCreate')}</Button>
      </div>
    </Dialog>
  );
}

/** One temporary patient: the duplicate candidates, then the decision (an audited event). */
function DecidePatient({
  patient,
  target,
  calls,
  config,
  onMapped,
  onClose,
}: {
  patient: WaitingPatient;
  target: string;
  calls: DeliveryCalls;
  config: RuntimeConfig;
  onMapped: (text: string) => void;
  onClose: () => void;
}) {
  const t = useT();
  const td = useDeliveryT();
  const failureText = useDeliveryFailureText();
  const [found, setFound] = useState<PatientCandidates>();
  const [problem, setProblem] = useState<Outcome>();
  const [manual, setManual] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void calls.candidates(target, patient.patientId).then((answer) => {
      if (answer.ok) setFound(answer.value);
      else setProblem({ tone: 'warning', text: failureText(answer.error) });
    });
  }, [calls, target, patient.patientId, failureText]);

  const record = async (mrn: string, basis: MrnMappingBasis) => {
    const result = await mapTemporaryPatient(getDb(), patient.patientId, {
      mrn,
      basis,
      candidatesShown: found?.candidates.length ?? 0,
    });
    if (!result.ok) {
      setProblem({ tone: 'danger', text: result.error.map((issue) => problemText(t, issue)).join(' ') });
      return;
    }
    onMapped(td('temp.saved', { name: patient.name, mrn: mrn.trim().toUpperCase() }));
  };

  const createInSimrs = async () => {
    setConfirming(false);
    setBusy(true);
    const created = await calls.createPatient(target, patient.patientId);
    setBusy(false);
    if (created.ok) return record(created.value.mrn, 'simrs_created');
    // No answer (hub or SIMRS out of reach): try again; a refusal: the hub's reason in words.
    const failure = created.error;
    setProblem({
      tone: 'danger',
      text: failure.kind === 'retry' ? td('temp.unreachable') : failureText(failure),
    });
  };
  const candidates = found?.candidates ?? [];

  return (
    <div className="temp-patient__decide">
      <h4>{td('temp.candidatesTitle')}</h4>
      {!found && !problem ? <p>{td('loading')}</p> : null}
      {found?.simrs === 'not_asked' ? <p className="field__hint">{td('temp.simrsNotAsked')}</p> : null}
      {found && !['answered', 'not_asked'].includes(found.simrs) ? (
        <Notice tone="warning" title={td('temp.simrsFailed')} />
      ) : null}
      {found && found.candidates.length === 0 ? <p>{td('temp.candidatesNone')}</p> : null}
      {found && found.candidates.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{td('temp.col.source')}</th>
                <th scope="col">{td('temp.col.mrn')}</th>
                <th scope="col">{td('temp.col.name')}</th>
                <th scope="col">{td('temp.col.nik')}</th>
                <th scope="col">{td('temp.col.birthDate')}</th>
                <th scope="col">{td('temp.col.match')}</th>
                <th scope="col">{td('temp.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {found.candidates.map((candidate, index) => (
                <tr key={`${candidate.source}-${candidate.mrn ?? candidate.patientId ?? index}`}>
                  <td>{td(`temp.source.${candidate.source}`)}</td>
                  <td>
                    {candidate.mrn ??
                      (candidate.tempNumber
                        ? td('temp.alsoTemporary', { tempNumber: candidate.tempNumber })
                        : '—')}
                  </td>
                  <td>{candidate.name}</td>
                  <td>{candidate.nik ?? '—'}</td>
                  <td>{candidate.birthDate ? formatDate(candidate.birthDate) : '—'}</td>
                  <td>{matchText(td, candidate)}</td>
                  <td>
                    {candidate.mrn ? (
                      <Button onClick={() => void record(candidate.mrn!, 'existing_patient')}>
                        {td('temp.useCandidate', { mrn: candidate.mrn })}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {found ? (
        <div className="form-actions">
          <Button
            variant="primary"
            disabled={busy}
            onClick={() => (candidates.length > 0 ? setConfirming(true) : void createInSimrs())}
          >
            {td('temp.createNew')}
          </Button>
        </div>
      ) : null}
      <form
        className="form-actions"
        onSubmit={(event) => {
          event.preventDefault();
          void record(manual, 'entered');
        }}
      >
        <TextField
          label={td('temp.manualMrn')}
          hint={td('temp.manualHint', { example: config.mrn.example })}
          value={manual}
          inputMode="text"
          autoComplete="off"
          onChange={(event) => setManual(event.target.value)}
        />
        <Button type="submit" disabled={!manual.trim()}>
          {td('temp.saveManual')}
        </Button>
      </form>
      {problem ? (
        <Notice
          tone={problem.tone}
          title={problem.text}
          role={problem.tone === 'danger' ? 'alert' : 'status'}
        />
      ) : null}
      <Button variant="quiet" onClick={onClose}>
        {td('temp.close')}
      </Button>
      <ConfirmNewPatient
        patient={patient}
        candidates={candidates}
        open={confirming}
        onConfirm={() => void createInSimrs()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}

/** Pemulihan → temporary patients whose visits wait for a real MRN (issue 7). */
export function TemporaryPatientsPanel({
  calls,
  target,
  config,
  zone,
}: {
  calls: DeliveryCalls;
  target: string;
  config: RuntimeConfig;
  zone: FacilityTimeZone;
}) {
  const td = useDeliveryT();
  const failureText = useDeliveryFailureText();
  const mayRecord = useMayRecord();
  const [patients, setPatients] = useState<WaitingPatient[]>();
  const [open, setOpen] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const allowed = mayRecord('patient.mrn_mapped', 'correct');

  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    void calls.waitingPatients(target).then((answer) => {
      if (!current) return;
      if (answer.ok) setPatients(answer.value);
      else setOutcome({ tone: 'warning', text: failureText(answer.error) });
    });
    return () => {
      current = false;
    };
  }, [calls, target, failureText, round]);

  return (
    <section aria-labelledby="temp-title">
      <h2 id="temp-title">{td('temp.title')}</h2>
      <p>{td('temp.intro')}</p>
      <Button onClick={() => setRound((value) => value + 1)}>{td('refresh')}</Button>
      {outcome ? <Notice tone={outcome.tone} title={outcome.text} /> : null}
      {patients && patients.length === 0 ? <p>{td('temp.empty')}</p> : null}
      <ul className="review-list">
        {(patients ?? []).map((patient) => (
          <li key={patient.patientId} className="review-item">
            <p>
              <strong>{patient.name}</strong> · {patient.tempNumber ?? '—'} · {patient.sex}
              {patient.birthDate ? ` · ${formatDate(patient.birthDate)}` : ''}
              {patient.estimatedAgeYears !== undefined
                ? ` · ${td('temp.age', { years: patient.estimatedAgeYears })}`
                : ''}
              {patient.nik ? ` · NIK ${patient.nik}` : ''}
            </p>
            <p className="field__hint">
              {td('temp.visits', {
                count: patient.visits,
                time: formatFacilityDateTime(patient.firstArrivalAt, zone),
              })}
            </p>
            {!allowed ? (
              <p className="field__hint">{td('temp.notAllowed')}</p>
            ) : open === patient.patientId ? (
              <DecidePatient
                patient={patient}
                target={target}
                calls={calls}
                config={config}
                onClose={() => setOpen(undefined)}
                onMapped={(text) => {
                  setOpen(undefined);
                  setOutcome({ tone: 'success', text });
                  setPatients((list) => list?.filter((entry) => entry.patientId !== patient.patientId));
                }}
              />
            ) : (
              <Button variant="primary" onClick={() => setOpen(patient.patientId)}>
                {td('temp.decide')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

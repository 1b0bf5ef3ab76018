import { useEffect, useState } from 'react';
import { incidentNumber, type FacilityTimeZone, type Incident } from '@/domain';
import type { DeliveryStatus, ReconciliationAnswer } from '@/domain/delivery/deliveryStatus';
import {
  formatFacilityDateTime,
  paths,
  PrintArea,
  problemText,
  useMayRecord,
  usePrint,
  useRuntimeConfig,
} from '@/features/common';
import { useT } from '@/i18n';
import { useDeliveryT, type DeliveryTranslate } from '@/i18n/delivery';
import { getDb, signReconciliation, useIncidents } from '@/storage';
import type { DeliveryCalls, DeliveryFailure } from '@/sync';
import { Button } from '@/ui/Button';
import { TextAreaField } from '@/ui/Field';
import { Notice } from '@/ui/Notice';
import { onLinkClick } from '@/ui/navigation';
import { useDeliveryFailureText } from './deliveryFailureText';
import { RealIncident } from './RealIncident';

type Tally = ReconciliationAnswer['byType']['visits'];
const COLUMNS = ['captured', 'delivered', 'needsReview', 'notYet', 'voided'] as const;

function TallyCells({ tally }: { tally: Tally }) {
  return (
    <>
      {COLUMNS.map((column) => (
        <td key={column}>{tally[column]}</td>
      ))}
    </>
  );
}

function ReportTables({
  report,
  zone,
  poliName,
}: {
  report: ReconciliationAnswer;
  zone: FacilityTimeZone;
  poliName: (code: string) => string;
}) {
  const td = useDeliveryT();
  const header = (first: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {COLUMNS.map((column) => (
          <th key={column} scope="col">
            {td(`rec.col.${column}`)}
          </th>
        ))}
      </tr>
    </thead>
  );
  return (
    <>
      <div className="table-scroll">
        <table className="data-table">
          <caption>{td('rec.byType')}</caption>
          {header(td('rec.col.kind'))}
          <tbody>
            {(['visits', 'slips', 'assessments'] as const).map((kind) => (
              <tr key={kind}>
                <th scope="row">{td(`rec.kind.${kind}`)}</th>
                <TallyCells tally={report.byType[kind]} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <caption>{td('rec.byUnit')}</caption>
          {header(td('rec.col.unit'))}
          <tbody>
            {report.byUnit.map((unit) => (
              <tr key={unit.poliCode}>
                <th scope="row">{poliName(unit.poliCode)}</th>
                <TallyCells tally={unit.visits} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.notDelivered.length === 0 ? (
        <p role="status">{td('rec.complete')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>{td('rec.missingTitle', { count: report.notDelivered.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{td('rec.col.ticket')}</th>
                <th scope="col">{td('rec.col.patient')}</th>
                <th scope="col">{td('rec.col.unit')}</th>
                <th scope="col">{td('rec.col.arrived')}</th>
                <th scope="col">{td('rec.col.state')}</th>
              </tr>
            </thead>
            <tbody>
              {report.notDelivered.map((visit) => (
                <tr key={visit.visitId}>
                  <td>{visit.queueNumber}</td>
                  <td>{`${visit.patientName} (${visit.mrn ?? visit.tempNumber ?? '—'})`}</td>
                  <td>{poliName(visit.poliCode)}</td>
                  <td>{formatFacilityDateTime(visit.arrivedAt, zone)}</td>
                  <td>
                    {td(`count.${visit.status}`)}
                    {visit.code ? ` — ${visit.code}: ${visit.message ?? ''}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

type Signed = NonNullable<Incident['reconciliations']>[number];

function signedText(td: DeliveryTranslate, signed: Signed, zone: FacilityTimeZone): string {
  const line = td('rec.signedBy', {
    name: signed.by.name,
    time: formatFacilityDateTime(signed.at, zone),
    delivered: signed.delivered,
    visits: signed.visits,
    notDelivered: signed.notDelivered,
    voided: signed.voided,
  });
  return signed.note ? `${line} ${td('rec.signedNote', { note: signed.note })}` : line;
}

function Reconciliation({
  incident,
  number,
  calls,
}: {
  incident: Incident;
  number: string;
  calls: DeliveryCalls;
}) {
  const t = useT();
  const td = useDeliveryT();
  const config = useRuntimeConfig();
  const mayRecord = useMayRecord();
  const print = usePrint();
  const failureText = useDeliveryFailureText();
  const [target, setTarget] = useState<DeliveryStatus['targets'][number]>();
  const [report, setReport] = useState<ReconciliationAnswer>();
  const [failure, setFailure] = useState<DeliveryFailure>();
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'danger'; text: string }>();
  const [round, setRound] = useState(0);
  const zone = incident.timeZone;
  const to = incident.restoredAt;

  useEffect(() => {
    let current = true;
    void (async () => {
      const status = await calls.status();
      const simrs = status.ok ? status.value.targets.find((one) => one.adapter === 'simrs-rest') : undefined;
      if (!current) return;
      if (!status.ok) return setFailure(status.error);
      setTarget(simrs);
      if (!simrs) return;
      const answer = await calls.reconciliation(
        simrs.name,
        incident.detectedAt,
        to ?? new Date().toISOString(),
      );
      if (!current) return;
      if (answer.ok) {
        setReport(answer.value);
        setFailure(undefined);
      } else setFailure(answer.error);
    })();
    return () => {
      current = false;
    };
  }, [calls, incident.detectedAt, to, round]);

  const poliName = (code: string) => config?.polis.find((poli) => poli.code === code)?.name ?? code;
  const window = (
    <p>
      {td('rec.window', {
        from: formatFacilityDateTime(incident.detectedAt, zone),
        to: to ? formatFacilityDateTime(to, zone) : '…',
        target: target?.label ?? 'SIMRS',
      })}
      {to ? '' : ` ${td('rec.openIncident')}`}
    </p>
  );

  const sign = async () => {
    if (!report || !target) return;
    const visits = report.byType.visits;
    const result = await signReconciliation(getDb(), incident.id, {
      target: target.name,
      visits: visits.captured,
      delivered: visits.delivered,
      notDelivered: visits.captured - visits.delivered,
      voided: visits.voided,
      ...(note.trim() ? { note } : {}),
    });
    if (!result.ok) {
      setOutcome({ tone: 'danger', text: result.error.map((problem) => problemText(t, problem)).join(' ') });
      return;
    }
    setNote('');
    setOutcome({ tone: 'success', text: td('rec.signed') });
  };

  return (
    <>
      <h1>{td('rec.title', { number })}</h1>
      {window}
      {failure ? <Notice tone="warning" title={failureText(failure)} /> : null}
      {target === undefined && !failure ? <p>{td('loading')}</p> : null}
      {report ? (
        <>
          <ReportTables report={report} zone={zone} poliName={poliName} />
          <div className="form-actions">
            <Button onClick={() => setRound((value) => value + 1)}>{td('refresh')}</Button>
            <Button onClick={() => print('a4', { document: 'reconciliation_report' })}>
              {td('rec.print')}
            </Button>
          </div>
          <PrintArea paper="a4">
            <header className="paper-sheet__header">
              <p>{config?.facility.name}</p>
              <h1>{td('rec.title', { number })}</h1>
            </header>
            {window}
            <ReportTables report={report} zone={zone} poliName={poliName} />
            {(incident.reconciliations ?? []).map((signed) => (
              <p key={signed.eventId}>{signedText(td, signed, zone)}</p>
            ))}
          </PrintArea>
        </>
      ) : null}
      <section aria-labelledby="rec-sign">
        <h2 id="rec-sign">{td('rec.signTitle')}</h2>
        <ul>
          {(incident.reconciliations ?? []).map((signed) => (
            <li key={signed.eventId}>{signedText(td, signed, zone)}</li>
          ))}
        </ul>
        {mayRecord('incident.reconciled') ? (
          report ? (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void sign();
              }}
            >
              <TextAreaField
                label={td('rec.note')}
                value={note}
                maxLength={500}
                onChange={(event) => setNote(event.target.value)}
              />
              <Button type="submit" variant="primary">
                {td('rec.sign')}
              </Button>
            </form>
          ) : null
        ) : (
          <p className="field__hint">{td('rec.notAllowed')}</p>
        )}
        {outcome ? (
          <Notice
            tone={outcome.tone}
            title={outcome.text}
            role={outcome.tone === 'danger' ? 'alert' : 'status'}
          />
        ) : null}
      </section>
    </>
  );
}

/** An incident's reconciliation report: what it produced against what the SIMRS holds, signed. */
export function ReconciliationScreen({
  incidentId,
  reachableHub,
}: {
  incidentId: string;
  reachableHub: () => string | undefined;
}) {
  return (
    <RealIncident incidentId={incidentId} reachableHub={reachableHub}>
      {(incident, number, calls) => <Reconciliation incident={incident} number={number} calls={calls} />}
    </RealIncident>
  );
}

/** Pemulihan → the real incidents, each with its reconciliation. */
export function IncidentReconciliationLinks() {
  const td = useDeliveryT();
  const incidents = useIncidents();
  const real = (incidents ?? []).filter((incident) => !incident.drill);
  return (
    <section aria-labelledby="rec-incidents">
      <h2 id="rec-incidents">{td('rec.incidentsTitle')}</h2>
      {real.length === 0 ? <p>{td('rec.incidentsEmpty')}</p> : null}
      <ul className="link-list">
        {real.map((incident) => (
          <li key={incident.id}>
            <a href={paths.reconciliation(incident.id)} onClick={onLinkClick}>
              {`${td('rec.link')} ${incidentNumber(incident, incidents ?? [])}`}
            </a>
            {incident.reconciliations?.length ? ' ✓' : ''}
            {' · '}
            <a href={paths.worklist(incident.id)} onClick={onLinkClick}>
              {`${td('wl.link')} ${incidentNumber(incident, incidents ?? [])}`}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

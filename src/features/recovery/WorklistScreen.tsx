import { useEffect, useState } from 'react';
import type { Incident } from '@/domain';
import { backEntryCsv, backEntryDetailsText, type BackEntryKind } from '@/domain/delivery/backEntryWorklist';
import type { WorklistAnswer } from '@/domain/delivery/deliveryStatus';
import {
  downloadText,
  formatFacilityDateTime,
  problemText,
  PrintArea,
  useMayRecord,
  usePrint,
  useRuntimeConfig,
} from '@/features/common';
import { useDecimal, useT } from '@/i18n';
import { useDeliveryT } from '@/i18n/delivery';
import { getDb, markBackEntry } from '@/storage';
import type { DeliveryCalls, DeliveryFailure } from '@/sync';
import { Button } from '@/ui/Button';
import { Notice } from '@/ui/Notice';
import { useDeliveryFailureText } from './deliveryFailureText';
import { RealIncident } from './RealIncident';

type Row = WorklistAnswer['rows'][number];

function WorklistTable({
  rows,
  incident,
  poliName,
  onToggle,
}: {
  rows: readonly Row[];
  incident: Incident;
  poliName: (code: string) => string;
  /** Absent on paper: the printed list has empty boxes to tick by hand. */
  onToggle?: ((row: Row, done: boolean) => void) | undefined;
}) {
  const td = useDeliveryT();
  const decimal = useDecimal();
  const zone = incident.timeZone;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            {(['no', 'at', 'what', 'ticket', 'patient', 'mrn', 'poli', 'details', 'done'] as const).map(
              (column) => (
                <th key={column} scope="col">
                  {td(`wl.col.${column}`)}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const mark = incident.backEntry?.[row.rowId];
            const done = mark?.done ?? false;
            return (
              <tr key={row.rowId}>
                <td>{index + 1}</td>
                <td>{formatFacilityDateTime(row.at.utc, zone)}</td>
                <td>{td(`wl.kind.${row.kind}`)}</td>
                <td>{row.queueNumber}</td>
                <td>{row.patientName}</td>
                <td>{row.mrn ?? row.tempNumber ?? '—'}</td>
                <td>{poliName(row.poliCode)}</td>
                <td>{backEntryDetailsText(row.details, decimal)}</td>
                <td>
                  {onToggle ? (
                    <>
                      <label className="worklist-tick">
                        <input
                          type="checkbox"
                          checked={done}
                          onChange={(event) => onToggle(row, event.target.checked)}
                        />
                        {td('wl.doneLabel', { no: index + 1 })}
                      </label>
                      {mark && done ? (
                        <span className="field__hint">
                          {td('wl.doneBy', {
                            name: mark.by.name,
                            time: formatFacilityDateTime(mark.at, zone),
                          })}
                        </span>
                      ) : null}
                    </>
                  ) : done ? (
                    '✓'
                  ) : (
                    '☐'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Worklist({ incident, number, calls }: { incident: Incident; number: string; calls: DeliveryCalls }) {
  const t = useT();
  const td = useDeliveryT();
  const decimal = useDecimal();
  const failureText = useDeliveryFailureText();
  const config = useRuntimeConfig();
  const mayRecord = useMayRecord();
  const print = usePrint();
  const [rows, setRows] = useState<Row[]>();
  const [failure, setFailure] = useState<DeliveryFailure>();
  const [problem, setProblem] = useState<string>();
  const to = incident.restoredAt;

  useEffect(() => {
    let current = true;
    void calls.worklist(incident.detectedAt, to ?? new Date().toISOString()).then((answer) => {
      if (!current) return;
      if (answer.ok) setRows(answer.value.rows);
      else setFailure(answer.error);
    });
    return () => {
      current = false;
    };
  }, [calls, incident.detectedAt, to]);

  const poliName = (code: string) => config?.polis.find((poli) => poli.code === code)?.name ?? code;
  const doneCount = (rows ?? []).filter((row) => incident.backEntry?.[row.rowId]?.done).length;
  const toggle = async (row: Row, done: boolean) => {
    const result = await markBackEntry(getDb(), incident.id, { rowId: row.rowId, done });
    setProblem(result.ok ? undefined : result.error.map((issue) => problemText(t, issue)).join(' '));
  };
  const csv = () =>
    backEntryCsv(rows ?? [], {
      header: (['no', 'at', 'what', 'ticket', 'patient', 'mrn', 'poli', 'details', 'done'] as const).map(
        (column) => td(`wl.col.${column}`),
      ),
      kind: (kind: BackEntryKind) => td(`wl.kind.${kind}`),
      done: (rowId) => incident.backEntry?.[rowId]?.done ?? false,
      number: decimal,
    });

  return (
    <>
      <h1>{td('wl.title', { number })}</h1>
      <p>{td('wl.intro')}</p>
      {failure ? <Notice tone="warning" title={failureText(failure)} /> : null}
      {!rows && !failure ? <p>{td('loading')}</p> : null}
      {rows && rows.length === 0 ? <p>{td('wl.empty')}</p> : null}
      {rows && rows.length > 0 ? (
        <>
          <p role="status">{td('wl.progress', { done: doneCount, total: rows.length })}</p>
          <WorklistTable
            rows={rows}
            incident={incident}
            poliName={poliName}
            onToggle={
              mayRecord('incident.backentry_marked') ? (row, done) => void toggle(row, done) : undefined
            }
          />
          {problem ? <Notice tone="danger" title={problem} role="alert" /> : null}
          <div className="form-actions">
            <Button variant="primary" onClick={() => print('a4', { document: 'back_entry_worklist' })}>
              {td('wl.print')}
            </Button>
            <Button onClick={() => downloadText(`entri-ulang-${number}.csv`, csv())}>{td('wl.csv')}</Button>
          </div>
          <PrintArea paper="a4">
            <header className="paper-sheet__header">
              <p>{config?.facility.name}</p>
              <h1>{td('wl.title', { number })}</h1>
            </header>
            <WorklistTable rows={rows} incident={incident} poliName={poliName} />
          </PrintArea>
        </>
      ) : null}
    </>
  );
}

/** An incident's back-entry worklist (issue 7): rows to type into the SIMRS, ticked as done. */
export function WorklistScreen({
  incidentId,
  reachableHub,
}: {
  incidentId: string;
  reachableHub: () => string | undefined;
}) {
  return (
    <RealIncident incidentId={incidentId} reachableHub={reachableHub}>
      {(incident, number, calls) => <Worklist incident={incident} number={number} calls={calls} />}
    </RealIncident>
  );
}

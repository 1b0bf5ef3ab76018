import { useState } from 'react';
import {
  availableSlipMoves,
  NOW,
  SLIP_STATUSES,
  type FieldProblem,
  type RuntimeConfig,
  type SlipMove,
  type SlipMoveInput,
  type SlipStatus,
  type When,
} from '@/domain';
import {
  formatDate,
  formatFacilityDateTime,
  PatientIdentityLine,
  paths,
  PrintArea,
  problemText,
  useMayRecord,
  usePrint,
  WhenField,
} from '@/features/common';
import { DeviceGate } from '@/features/deviceSetup';
import { Timeline } from '@/features/visits';
import { useT, type MessageKey } from '@/i18n';
import { getDb, moveSlip, useSlipWorklist, type SlipEntry } from '@/storage';
import { Button } from '@/ui/Button';
import { Dialog } from '@/ui/Dialog';
import { CheckboxField, SelectField } from '@/ui/Field';
import { onLinkClick } from '@/ui/navigation';
import { Notice } from '@/ui/Notice';
import { SlipActionForm, SOURCE_LABEL } from './SlipActionDialog';
import { SlipPrint } from './SlipPrint';

export const SLIP_STATUS_LABEL: Record<SlipStatus, MessageKey> = {
  requested: 'slip.status.requested',
  found: 'slip.status.found',
  not_found: 'slip.status.not_found',
  sent: 'slip.status.sent',
  received: 'slip.status.received',
  returned: 'slip.status.returned',
  cancelled: 'slip.status.cancelled',
};

const MOVE_LABEL: Record<SlipMove, MessageKey> = {
  found: 'slip.move.found',
  not_found: 'slip.move.not_found',
  sent: 'slip.move.sent',
  received: 'slip.move.received',
  returned: 'slip.move.returned',
};

const OPEN_STATUSES: SlipStatus[] = ['requested', 'found', 'not_found', 'sent', 'received'];

function SlipCard({
  entry,
  config,
  onMove,
  onPrint,
}: {
  entry: SlipEntry;
  config: RuntimeConfig;
  onMove: (entry: SlipEntry, move: SlipMove) => void;
  onPrint: (entry: SlipEntry) => void;
}) {
  const t = useT();
  const mayRecord = useMayRecord();
  const { slip, patient } = entry;
  const zone = config.facility.timeZone;
  const poli = config.polis.find((candidate) => candidate.code === slip.poliCode);
  return (
    <li className="slip-card">
      <div className="slip-card__head">
        <strong>{slip.slipNo}</strong>
        <span className={`badge badge--slip-${slip.status}`}>{t(SLIP_STATUS_LABEL[slip.status])}</span>
        <span>{poli?.name ?? slip.poliCode}</span>
        <span>{t('slip.requestedAtValue', { time: formatFacilityDateTime(slip.requestedAt, zone) })}</span>
      </div>
      <PatientIdentityLine patient={patient} />
      {slip.retrievalSource ? (
        <p>
          {t(SOURCE_LABEL[slip.retrievalSource])}
          {slip.backupSnapshotDate
            ? ` — ${t('slip.backupOf', { date: formatDate(slip.backupSnapshotDate) })}`
            : ''}
        </p>
      ) : null}
      {slip.cancelReason ? <p>{t('slip.cancelledBecause', { reason: slip.cancelReason })}</p> : null}
      {slip.rm12BlankIssued !== undefined ? (
        <p>{t(slip.rm12BlankIssued ? 'slip.rm12Given' : 'slip.rm12NotGiven')}</p>
      ) : null}
      <details>
        <summary>{t('slip.trail')}</summary>
        <Timeline entries={slip.trail} zone={zone} label={slip.slipNo} />
      </details>
      <div className="queue-item__actions">
        {availableSlipMoves(slip.status)
          .filter((move) => mayRecord(`slip.${move}`))
          .map((move) => (
            <Button
              key={move}
              variant={move === 'not_found' ? 'secondary' : 'primary'}
              aria-label={`${t(MOVE_LABEL[move])} ${slip.slipNo}`}
              onClick={() => onMove(entry, move)}
            >
              {t(MOVE_LABEL[move])}
            </Button>
          ))}
        <Button onClick={() => onPrint(entry)} aria-label={`${t('print.slip')} ${slip.slipNo}`}>
          {t('print.slip')}
        </Button>
        <a className="button button--quiet" href={paths.visit(slip.visitId)} onClick={onLinkClick}>
          {t('visit.openTimeline')}
        </a>
      </div>
    </li>
  );
}

function Worklist({ config }: { config: RuntimeConfig }) {
  const t = useT();
  const print = usePrint();
  const zone = config.facility.timeZone;
  const [statuses, setStatuses] = useState<SlipStatus[]>(OPEN_STATUSES);
  const [poliCode, setPoliCode] = useState('');
  const [when, setWhen] = useState<When>(NOW);
  const [transcribed, setTranscribed] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [dialog, setDialog] = useState<{ entry: SlipEntry; move: 'found' | 'sent' } | undefined>();
  const [printing, setPrinting] = useState<SlipEntry | undefined>();
  const entries = useSlipWorklist(statuses, poliCode || undefined);

  const submit = async (entry: SlipEntry, input: SlipMoveInput) => {
    setProblems([]);
    const result = await moveSlip(
      getDb(),
      entry.slip.id,
      input,
      when,
      transcribed ? 'transcribed_from_paper' : 'direct',
    );
    if (!result.ok) {
      setProblems(result.error);
      return;
    }
    setDialog(undefined);
  };
  const onMove = (entry: SlipEntry, move: SlipMove) => {
    if (move === 'found' || move === 'sent') setDialog({ entry, move });
    else void submit(entry, { move });
  };
  const dialogError = problems[0] && dialog ? problemText(t, problems[0], zone) : undefined;

  return (
    <section aria-labelledby="worklist-title">
      <h2 id="worklist-title">{t('slip.worklistTitle')}</h2>
      <fieldset className="filter-group">
        <legend>{t('slip.filterStatus')}</legend>
        {SLIP_STATUSES.map((status) => (
          <CheckboxField
            key={status}
            label={t(SLIP_STATUS_LABEL[status])}
            checked={statuses.includes(status)}
            onChange={(event) =>
              setStatuses(
                event.target.checked ? [...statuses, status] : statuses.filter((value) => value !== status),
              )
            }
          />
        ))}
      </fieldset>
      <div className="form-row">
        <SelectField
          label={t('visit.poli')}
          value={poliCode}
          onChange={(event) => setPoliCode(event.target.value)}
          placeholder={t('visits.allPolis')}
          options={config.polis.map((poli) => ({ value: poli.code, label: poli.name }))}
        />
        <WhenField label={t('queue.actionTime')} value={when} onChange={setWhen} zone={zone} />
        <CheckboxField
          label={t('capture.transcribed')}
          checked={transcribed}
          onChange={(event) => setTranscribed(event.target.checked)}
        />
      </div>
      {problems.length > 0 && !dialog ? (
        <Notice tone="danger" role="alert" title={t('queue.actionRefused')}>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problemText(t, problem, zone)}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <p role="status">
        {entries === undefined ? t('common.loading') : t('slip.count', { count: entries.length })}
      </p>
      <ul className="slip-list" aria-label={t('slip.worklistTitle')}>
        {(entries ?? []).map((entry) => (
          <SlipCard
            key={entry.slip.id}
            entry={entry}
            config={config}
            onMove={onMove}
            onPrint={(chosen) => {
              setPrinting(chosen);
              // Let the QR code render into the print area before the print dialog opens.
              window.setTimeout(() => print('a5', { document: 'slip', visitId: chosen.slip.visitId }), 300);
            }}
          />
        ))}
      </ul>
      <Dialog
        open={dialog !== undefined}
        title={dialog ? `${t(MOVE_LABEL[dialog.move])} — ${dialog.entry.slip.slipNo}` : ''}
        onClose={() => {
          setDialog(undefined);
          setProblems([]);
        }}
      >
        {dialog ? (
          <SlipActionForm
            move={dialog.move}
            error={dialogError}
            onSubmit={(input) => void submit(dialog.entry, input)}
            onCancel={() => {
              setDialog(undefined);
              setProblems([]);
            }}
          />
        ) : null}
      </Dialog>
      {printing ? (
        <PrintArea paper="a5">
          <SlipPrint entry={printing} config={config} />
        </PrintArea>
      ) : null}
    </section>
  );
}

/** Rekam Medis: the record-request slips to work, oldest first, and taking slips over by QR code. */
export function RecordsWorkspace() {
  const t = useT();
  return (
    <>
      <h1>{t('nav.records')}</h1>
      <p className="lead">{t('workspace.records.purpose')}</p>
      <DeviceGate>
        {({ config }) => (
          <>
            <a className="button button--secondary" href={paths.recordsImport} onClick={onLinkClick}>
              {t('import.title')}
            </a>
            <Worklist config={config} />
          </>
        )}
      </DeviceGate>
    </>
  );
}

import { useState, type ChangeEvent } from 'react';
import {
  checkDowntimeLogRow,
  DOWNTIME_LOG_COLUMN_KEYS,
  DOWNTIME_LOG_HEADER_OF,
  DowntimeQuirk,
  facilityDate,
  formatDuration,
  formatLogDate,
  importDowntimeLog as readDowntimeLog,
  onTimeThresholdMinutes,
  Reason,
  type DowntimeLogColumn,
  type DowntimeLogImport,
  type DowntimeLogQuirk,
  type DowntimeRowCheck,
  type FieldProblem,
  type ImportedLogRow,
  type PrintedDowntimeRow,
  type RuntimeConfig,
} from '@/domain';
import { formatFacilityDateTime, paths, problemText, reasonText } from '@/features/common';
import { DeviceGate } from '@/features/deviceSetup';
import { INTL_LOCALE, useLanguage, useT } from '@/i18n';
import { useIncidentT, type IncidentTranslate } from '@/i18n/incidents';
import { getDb, importDowntimeLog, useDowntimeLogs, withdrawDowntimeLog } from '@/storage';
import { Button } from '@/ui/Button';
import { TextField } from '@/ui/Field';
import { onLinkClick } from '@/ui/navigation';
import { Notice } from '@/ui/Notice';
import { monthName } from './labels';

/** The largest log file read: a month of repairs is a few kilobytes. */
const MAX_FILE_BYTES = 1024 * 1024;

type RowState = {
  line: number;
  original: PrintedDowntimeRow;
  printed: PrintedDowntimeRow;
  check: DowntimeRowCheck;
  /** The person accepted this row's quirks as printed. */
  accepted: boolean;
  editing: boolean;
};

const QUIRK_TEXT: Record<DowntimeQuirk, Parameters<IncidentTranslate>[0]> = {
  durationMismatch: 'quirk.durationMismatch',
  dateOutsideMonth: 'quirk.dateOutsideMonth',
  responseBeforeRequest: 'quirk.responseBeforeRequest',
  onTimeMarkMismatch: 'quirk.onTimeMarkMismatch',
  numberOutOfSequence: 'quirk.numberOutOfSequence',
  duplicateRow: 'quirk.duplicateRow',
  printedTotalMismatch: 'quirk.printedTotalMismatch',
};

function quirkText(ti: IncidentTranslate, quirk: DowntimeLogQuirk, locale: string): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(quirk.params))
    params[key] = typeof value === 'boolean' ? ti(value ? 'report.onTime' : 'report.late') : value;
  if (typeof quirk.params.date === 'string') params.date = formatLogDate(quirk.params.date);
  if (typeof quirk.params.month === 'string') params.month = monthName(quirk.params.month, locale);
  if (typeof quirk.params.total === 'string')
    params.total = ti(`report.${quirk.params.total}` as Parameters<IncidentTranslate>[0]);
  return ti(QUIRK_TEXT[quirk.quirk], params);
}

const isReady = (row: RowState) => row.check.row.ok && (row.check.quirks.length === 0 || row.accepted);

function toImportedRow(row: RowState): ImportedLogRow | undefined {
  if (!row.check.row.ok) return undefined;
  const fixed = DOWNTIME_LOG_COLUMN_KEYS.filter((key) => row.printed[key] !== row.original[key]);
  return {
    ...row.check.row.value,
    line: row.line,
    ...(fixed.length > 0 ? { fixed } : {}),
    ...(row.accepted && row.check.quirks.length > 0
      ? { acceptedQuirks: [...new Set(row.check.quirks.map((quirk) => quirk.quirk))] }
      : {}),
  };
}

function RowEditor({
  row,
  onChange,
}: {
  row: RowState;
  onChange: (column: DowntimeLogColumn, value: string) => void;
}) {
  const ti = useIncidentT();
  return (
    <div className="form-grid">
      {DOWNTIME_LOG_COLUMN_KEYS.map((column) => (
        <TextField
          key={column}
          label={`${DOWNTIME_LOG_HEADER_OF[column]} (${ti('import.line', { line: row.line })})`}
          value={row.printed[column]}
          onChange={(event) => onChange(column, event.target.value)}
        />
      ))}
    </div>
  );
}

function ImportRow({ row, onUpdate }: { row: RowState; onUpdate: (next: RowState) => void }) {
  const t = useT();
  const ti = useIncidentT();
  const language = useLanguage();
  const problems = row.check.row.ok ? [] : row.check.row.error;
  const computed = row.check.computed;
  const hasDurationQuirk = row.check.quirks.some((quirk) => quirk.quirk === DowntimeQuirk.DurationMismatch);
  return (
    <li className={`slip-card import-row${isReady(row) ? '' : ' import-row--open'}`}>
      <div className="slip-card__head">
        <strong>{ti('import.line', { line: row.line })}</strong>
        <span>
          {[
            row.printed.no,
            row.printed.date,
            row.printed.requestTime,
            row.printed.responseTime,
            row.printed.duration,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
        <span>{row.printed.description}</span>
        <span className={`badge ${isReady(row) ? 'badge--done' : 'badge--slip-not_found'}`}>
          {ti(
            isReady(row)
              ? 'import.ready'
              : problems.length > 0
                ? 'import.unreadable'
                : 'import.needsDecision',
          )}
        </span>
      </div>
      {problems.length > 0 ? (
        <ul>
          {problems.map((problem, index) => (
            <li key={index} className="field__error">
              {`${DOWNTIME_LOG_HEADER_OF[problem.field as DowntimeLogColumn] ?? problem.field}: ${reasonText(t, problem.reason)}`}
            </li>
          ))}
        </ul>
      ) : null}
      {row.check.quirks.length > 0 ? (
        <ul>
          {row.check.quirks.map((quirk, index) => (
            <li key={index}>{quirkText(ti, quirk, INTL_LOCALE[language])}</li>
          ))}
        </ul>
      ) : null}
      {row.editing ? (
        <RowEditor
          row={row}
          onChange={(column, value) => onUpdate({ ...row, printed: { ...row.printed, [column]: value } })}
        />
      ) : null}
      <div className="queue-item__actions">
        {row.check.row.ok && row.check.quirks.length > 0 ? (
          <Button
            variant={row.accepted ? 'secondary' : 'primary'}
            aria-pressed={row.accepted}
            onClick={() => onUpdate({ ...row, accepted: !row.accepted })}
          >
            {ti(row.accepted ? 'import.acceptedAsPrinted' : 'import.acceptAsPrinted')}
          </Button>
        ) : null}
        {hasDurationQuirk && computed ? (
          <Button
            onClick={() =>
              onUpdate({
                ...row,
                editing: true,
                printed: { ...row.printed, duration: formatDuration(computed.durationSeconds) },
              })
            }
          >
            {ti('import.useComputed', { duration: formatDuration(computed.durationSeconds) })}
          </Button>
        ) : null}
        <Button onClick={() => onUpdate({ ...row, editing: !row.editing })}>
          {ti(row.editing ? 'import.stopEditing' : 'import.fix')}
        </Button>
      </div>
    </li>
  );
}

function ImportedSheets({ zone }: { zone: RuntimeConfig['facility']['timeZone'] }) {
  const t = useT();
  const ti = useIncidentT();
  const language = useLanguage();
  const sheets = useDowntimeLogs();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, FieldProblem[]>>({});
  if (!sheets || sheets.length === 0) return null;
  const withdraw = async (sheetId: string) => {
    const result = await withdrawDowntimeLog(getDb(), sheetId, reasons[sheetId] ?? '');
    setProblems({ ...problems, [sheetId]: result.ok ? [] : result.error });
  };
  return (
    <section aria-labelledby="sheets-title">
      <h2 id="sheets-title">{ti('import.sheetsTitle')}</h2>
      <ul className="slip-list">
        {sheets.map((sheet) => (
          <li key={sheet.id} className="slip-card">
            <div className="slip-card__head">
              <strong>{monthName(sheet.month, INTL_LOCALE[language])}</strong>
              <span>{ti('import.sheetRows', { count: sheet.rows.length })}</span>
              <span>{sheet.fileName ?? ''}</span>
              <span>
                {ti('import.sheetBy', {
                  name: sheet.importedBy.name,
                  time: formatFacilityDateTime(sheet.importedAt, zone),
                })}
              </span>
            </div>
            {sheet.withdrawn ? (
              <p>
                {ti('import.withdrawn', { reason: sheet.withdrawn.reason, name: sheet.withdrawn.by.name })}
              </p>
            ) : (
              <div className="form-row">
                <TextField
                  label={ti('import.withdrawReason')}
                  value={reasons[sheet.id] ?? ''}
                  onChange={(event) => setReasons({ ...reasons, [sheet.id]: event.target.value })}
                  error={problems[sheet.id]?.[0] ? problemText(t, problems[sheet.id]![0]!) : undefined}
                />
                <Button onClick={() => void withdraw(sheet.id)}>{ti('import.withdraw')}</Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Importer({ config }: { config: RuntimeConfig }) {
  const t = useT();
  const ti = useIncidentT();
  const language = useLanguage();
  const zone = config.facility.timeZone;
  const thresholdMinutes = onTimeThresholdMinutes(config);
  const [month, setMonth] = useState('');
  const [fileName, setFileName] = useState<string | undefined>();
  const [read, setRead] = useState<DowntimeLogImport | undefined>();
  const [rows, setRows] = useState<RowState[]>([]);
  const [fileProblems, setFileProblems] = useState<FieldProblem[]>([]);
  const [saveProblems, setSaveProblems] = useState<FieldProblem[]>([]);
  const [saved, setSaved] = useState<string | undefined>();

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setSaved(undefined);
    setSaveProblems([]);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileProblems([{ field: 'file', reason: Reason.TooLong }]);
      return;
    }
    const result = readDowntimeLog(await file.text(), { month, thresholdMinutes });
    setFileName(file.name);
    if (!result.ok) {
      setRead(undefined);
      setRows([]);
      setFileProblems(result.error);
      return;
    }
    setFileProblems([]);
    setRead(result.value);
    setRows(
      result.value.rows.map((row) => ({
        line: row.line,
        original: row.printed,
        printed: row.printed,
        check: { row: row.row, quirks: row.quirks, computed: row.computed },
        accepted: false,
        editing: false,
      })),
    );
  };

  const update = (index: number, next: RowState) => {
    const edited = JSON.stringify(next.printed) !== JSON.stringify(rows[index]!.printed);
    const check = edited
      ? checkDowntimeLogRow(next.printed, {
          month,
          thresholdMinutes,
          ...(next.printed.no.trim() ? { expectedNo: index + 1 } : {}),
        })
      : next.check;
    // A changed row is a new decision: its quirks (if any are left) are not accepted yet.
    setRows(
      rows.map((row, position) =>
        position === index ? { ...next, check, accepted: edited ? false : next.accepted } : row,
      ),
    );
  };

  const save = async () => {
    const imported = rows.map(toImportedRow).filter((row): row is ImportedLogRow => row !== undefined);
    const result = await importDowntimeLog(getDb(), {
      month,
      ...(fileName ? { fileName } : {}),
      rows: imported,
    });
    if (!result.ok) {
      setSaveProblems(result.error);
      return;
    }
    setSaved(month);
    setRead(undefined);
    setRows([]);
  };

  const ready = rows.length > 0 && rows.every(isReady);
  const waiting = rows.filter((row) => !isReady(row)).length;
  const fileProblemText = (problem: FieldProblem) =>
    problem.field === 'month'
      ? ti('import.monthFirst')
      : problem.field === 'file'
        ? ti('import.fileTooLarge')
        : ti('import.missingColumn', {
            column: DOWNTIME_LOG_HEADER_OF[problem.field as DowntimeLogColumn] ?? problem.field,
          });

  return (
    <>
      <div className="form-row">
        <TextField
          label={ti('import.month')}
          type="month"
          value={month}
          max={facilityDate(new Date(), zone).slice(0, 7)}
          onChange={(event) => {
            setMonth(event.target.value);
            setRead(undefined);
            setRows([]);
          }}
          hint={ti('import.monthHint')}
        />
        <TextField
          label={ti('import.file')}
          type="file"
          accept=".csv,text/csv,text/plain"
          disabled={!/^\d{4}-\d{2}$/.test(month)}
          onChange={(event) => void readFile(event)}
          hint={ti('import.fileHint')}
        />
      </div>
      {fileProblems.length > 0 ? (
        <Notice tone="danger" role="alert" title={ti('import.fileRefused')}>
          <ul>
            {fileProblems.map((problem, index) => (
              <li key={index}>{fileProblemText(problem)}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {saved ? (
        <Notice
          tone="success"
          title={ti('import.saved', { month: monthName(saved, INTL_LOCALE[language]) })}
          actions={
            <a className="button button--secondary" href={paths.incidentReport} onClick={onLinkClick}>
              {ti('report.title')}
            </a>
          }
        />
      ) : null}
      {read ? (
        <section aria-labelledby="import-rows-title">
          <h2 id="import-rows-title">
            {ti('import.rowsTitle', { count: rows.length, month: monthName(month, INTL_LOCALE[language]) })}
          </h2>
          {read.linesBeforeHeader.length > 0 ? (
            <p>
              {ti('import.linesBeforeHeader', {
                lines: read.linesBeforeHeader.map((line) => line.line).join(', '),
              })}
            </p>
          ) : null}
          {read.extraColumns.length > 0 ? (
            <p>{ti('import.extraColumns', { columns: read.extraColumns.join(', ') })}</p>
          ) : null}
          {read.totalsQuirks.map((quirk, index) => (
            <p key={index}>{quirkText(ti, quirk, INTL_LOCALE[language])}</p>
          ))}
          <p role="status">
            {waiting === 0 ? ti('import.allReady') : ti('import.waiting', { count: waiting })}
          </p>
          <ul className="slip-list" aria-label={ti('import.rowsList')}>
            {rows.map((row, index) => (
              <ImportRow key={row.line} row={row} onUpdate={(next) => update(index, next)} />
            ))}
          </ul>
          {saveProblems.map((problem, index) => (
            <p key={index} className="field__error" role="alert">
              {problemText(t, problem, zone)}
            </p>
          ))}
          <Button variant="primary" disabled={!ready} onClick={() => void save()}>
            {ti('import.save', { count: rows.length })}
          </Button>
        </section>
      ) : null}
      <ImportedSheets zone={zone} />
    </>
  );
}

/**
 * Bringing the hospital's past monthly logs in from CSV: every row is read as printed, each
 * suspicious one is named, and the person accepts it as printed or fixes it. Nothing is changed
 * or dropped without their decision.
 */
export function DowntimeLogImportScreen() {
  const ti = useIncidentT();
  return (
    <>
      <a className="button button--quiet" href={paths.incidents} onClick={onLinkClick}>
        {ti('detail.back')}
      </a>
      <h1>{ti('import.title')}</h1>
      <p className="lead">{ti('import.lead')}</p>
      <DeviceGate>{({ config }) => <Importer config={config} />}</DeviceGate>
    </>
  );
}

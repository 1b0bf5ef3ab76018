import { err, ok, type Result } from '@/lib/result';
import { Reason, type FieldProblem } from '../reasons';
import {
  DEFAULT_ON_TIME_THRESHOLD_MINUTES,
  DOWNTIME_LOG_COLUMNS,
  REPORT_MONTH_PATTERN,
  buildMonthlyReport,
  clockSeconds,
  downtimeLogRowSchema,
  formatDuration,
  isOnTime,
  percentOnTime,
  responseDurationSeconds,
  type DowntimeLogRow,
  type MonthlyDowntimeReport,
} from './downtimeReport';

/**
 * Importing a hospital's past downtime logs from CSV in the columns of its monthly report, so the
 * history comes along. Real logs contain mistakes. The importer never changes or drops what was
 * printed: each row keeps its cells exactly as printed, the row they denote (or the problems that
 * stop it from being read), and its **quirks** — suspicious but importable facts, each with a
 * reason code and the values involved, so a screen can say it in Indonesian or English and let
 * the person accept the row as printed or fix the cells and check the row again.
 */

/** The hospital's columns, by key. `no` and `onTimeMark` are derived by the report, so optional. */
export const DOWNTIME_LOG_COLUMN_KEYS = [
  'no',
  'date',
  'unit',
  'requestTime',
  'responseTime',
  'onTimeMark',
  'duration',
  'description',
] as const;
export type DowntimeLogColumn = (typeof DOWNTIME_LOG_COLUMN_KEYS)[number];
const OPTIONAL_COLUMNS: ReadonlySet<DowntimeLogColumn> = new Set(['no', 'onTimeMark']);

/** The cells of one row exactly as printed (`''` for an empty cell or a column the file lacks). */
export type PrintedDowntimeRow = Record<DowntimeLogColumn, string>;

/** Header spellings accepted per column (compared lower-case, spaces collapsed, final `.` dropped). */
const HEADER_ALIASES: Record<DowntimeLogColumn, readonly string[]> = {
  no: ['no', 'nomor'],
  date: ['tanggal', 'tgl'],
  unit: ['unit'],
  requestTime: ['waktu permintaan'],
  responseTime: ['waktu respon', 'waktu respons'],
  onTimeMark: ['ketepatan'],
  duration: ['durasi respon', 'durasi respons', 'durasi'],
  description: ['uraian pekerjaan', 'uraian'],
};

/** What is suspicious about a row or the printed totals. Parameters per code are listed. */
export const DowntimeQuirk = {
  /** `duration` disagrees with the two times. params: printed, computed, printedSeconds,
   * computedSeconds, requestTime, responseTime, onTimeAsPrinted, onTimeByTimes. */
  DurationMismatch: 'durationMismatch',
  /** `date` is not in the report's month. params: printed, date, month. */
  DateOutsideMonth: 'dateOutsideMonth',
  /** `responseTime` is earlier than `requestTime` and the duration does not confirm a midnight
   * crossing. params: requestTime, responseTime, acrossMidnight (the duration if it were one). */
  ResponseBeforeRequest: 'responseBeforeRequest',
  /** The ✓/✗ mark disagrees with the printed duration and the threshold. params: printed,
   * duration, thresholdMinutes, onTimeByDuration. */
  OnTimeMarkMismatch: 'onTimeMarkMismatch',
  /** `No` is not the row's place in the sheet. params: printed, expected. */
  NumberOutOfSequence: 'numberOutOfSequence',
  /** The same date, unit, times and description as an earlier row. params: firstLine. */
  DuplicateRow: 'duplicateRow',
  /** A printed total disagrees with the rows. params: total (`totalRepairs` | `totalOnTime` |
   * `percentOnTime`), printed, computed. */
  PrintedTotalMismatch: 'printedTotalMismatch',
} as const;
export type DowntimeQuirk = (typeof DowntimeQuirk)[keyof typeof DowntimeQuirk];

export type DowntimeLogQuirk = {
  quirk: DowntimeQuirk;
  /** The cell it concerns, or `totals` for the footer rows. */
  field: DowntimeLogColumn | 'totals';
  params: Record<string, string | number | boolean>;
};

export type DowntimeRowCheck = {
  /** The row as printed, read into the model, or why it cannot be read (field = column key). */
  row: Result<DowntimeLogRow, FieldProblem[]>;
  quirks: DowntimeLogQuirk[];
  /** What the times say, when both can be read: a ready fix for a duration that is wrong or missing. */
  computed: { durationSeconds: number; onTime: boolean } | undefined;
};

export type ImportedDowntimeRow = DowntimeRowCheck & {
  /** 1-based line of the file where the row starts. */
  line: number;
  printed: PrintedDowntimeRow;
};

export type PrintedTotal = { line: number; printed: string };
export type PrintedTotals = Partial<Record<'totalRepairs' | 'totalOnTime' | 'percentOnTime', PrintedTotal>>;

export type DowntimeLogImport = {
  month: string;
  thresholdMinutes: number;
  delimiter: string;
  rows: ImportedDowntimeRow[];
  /** TOTAL PERBAIKAN, TOTAL KETEPATAN, PRESENTASE KETEPATAN as printed, when the file has them. */
  printedTotals: PrintedTotals;
  /** Printed totals that disagree with the rows; checked once every row can be read. */
  totalsQuirks: DowntimeLogQuirk[];
  /** Lines before the header (a title, say): not data, listed so nothing vanishes unseen. */
  linesBeforeHeader: { line: number; text: string }[];
  /** Header cells of columns the report does not have; their cells are not imported. */
  extraColumns: string[];
};

export type DowntimeImportOptions = { month: string; thresholdMinutes?: number };

// ——— Reading printed cells ———

const pad = (value: number | string) => String(value).padStart(2, '0');

/** `2023-01-04` from `04/01/2023`, `4-1-2023`, `04.01.2023` (day first) or `2023-01-04`. */
export function readPrintedDate(text: string): string | undefined {
  const trimmed = text.trim();
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (dayFirst) return `${dayFirst[3]}-${pad(dayFirst[2] ?? '')}-${pad(dayFirst[1] ?? '')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? trimmed : undefined;
}

/** `08:38` from `08:38`, `8:38` or `08.38`; `08:38:20` keeps its seconds. */
export function readPrintedTime(text: string): string | undefined {
  const match = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return `${pad(match[1] ?? '')}:${match[2]}${match[3] === undefined ? '' : `:${match[3]}`}`;
}

/** Seconds from `0:02:00` / `00.02.00` (h:mm:ss), `0:02` (h:mm) or `2` (minutes). */
export function readPrintedDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d{1,4}$/.test(trimmed)) return Number(trimmed) * 60;
  const match = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(trimmed);
  if (!match) return undefined;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  return minutes > 59 || seconds > 59 ? undefined : hours * 3600 + minutes * 60 + seconds;
}

const ON_TIME_MARKS: ReadonlySet<string> = new Set(['✓', '✔', '√', 'v', 'ya', 'tepat']);
const LATE_MARKS: ReadonlySet<string> = new Set(['✗', '✘', 'x', '×', 'tidak', 'terlambat']);

/** ✓ (also ✔ √ v ya tepat) → true, ✗ (also ✘ x × tidak terlambat) → false, empty → `undefined`. */
export function readPrintedMark(text: string): boolean | undefined | 'unreadable' {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') return undefined;
  if (ON_TIME_MARKS.has(trimmed)) return true;
  if (LATE_MARKS.has(trimmed)) return false;
  return 'unreadable';
}

const FIELD_OF: Record<string, DowntimeLogColumn> = {
  date: 'date',
  unit: 'unit',
  requestTime: 'requestTime',
  responseTime: 'responseTime',
  durationSeconds: 'duration',
  description: 'description',
  recordedOnTime: 'onTimeMark',
};

/**
 * Reads and checks one printed row: the model row or its problems, and its quirks. A screen calls
 * it again after the person fixes a cell. `expectedNo` is the row's place in the sheet (1-based).
 */
export function checkDowntimeLogRow(
  printed: PrintedDowntimeRow,
  options: DowntimeImportOptions & { expectedNo?: number },
): DowntimeRowCheck {
  const thresholdMinutes = options.thresholdMinutes ?? DEFAULT_ON_TIME_THRESHOLD_MINUTES;
  const date = readPrintedDate(printed.date);
  const requestTime = readPrintedTime(printed.requestTime);
  const responseTime = readPrintedTime(printed.responseTime);
  const durationSeconds = readPrintedDuration(printed.duration);
  const mark = readPrintedMark(printed.onTimeMark);
  const orEmpty = (value: string | undefined, cell: string) =>
    value ?? (cell.trim() === '' ? undefined : cell);

  // Unreadable cells go to the schema as printed, so it names the problem with its reason code.
  const candidate = {
    date: orEmpty(date, printed.date),
    unit: printed.unit.trim() === '' ? undefined : printed.unit,
    requestTime: orEmpty(requestTime, printed.requestTime),
    responseTime: orEmpty(responseTime, printed.responseTime),
    durationSeconds: durationSeconds ?? (printed.duration.trim() === '' ? undefined : Number.NaN),
    description: printed.description.trim() === '' ? undefined : printed.description,
    ...(mark === undefined ? {} : { recordedOnTime: mark === 'unreadable' ? printed.onTimeMark : mark }),
  };
  const parsed = downtimeLogRowSchema.safeParse(candidate);
  const row: Result<DowntimeLogRow, FieldProblem[]> = parsed.success
    ? ok(parsed.data)
    : err(
        parsed.error.issues.map((issue) => {
          const key = String(issue.path[0] ?? '');
          const reason = (Object.values(Reason) as string[]).includes(issue.message)
            ? (issue.message as Reason)
            : Reason.InvalidFormat;
          return { field: FIELD_OF[key] ?? key, reason };
        }),
      );

  const quirks: DowntimeLogQuirk[] = [];
  if (options.expectedNo !== undefined && printed.no.trim() !== String(options.expectedNo)) {
    quirks.push({
      quirk: DowntimeQuirk.NumberOutOfSequence,
      field: 'no',
      params: { printed: printed.no, expected: options.expectedNo },
    });
  }
  if (date !== undefined && !date.startsWith(`${options.month}-`)) {
    quirks.push({
      quirk: DowntimeQuirk.DateOutsideMonth,
      field: 'date',
      params: { printed: printed.date, date, month: options.month },
    });
  }
  let computed: DowntimeRowCheck['computed'];
  if (requestTime !== undefined && responseTime !== undefined) {
    const byTimes = responseDurationSeconds(requestTime, responseTime);
    computed = { durationSeconds: byTimes, onTime: isOnTime(byTimes, thresholdMinutes) };
    const crossesMidnight = clockSeconds(responseTime) < clockSeconds(requestTime);
    if (crossesMidnight && durationSeconds !== byTimes) {
      quirks.push({
        quirk: DowntimeQuirk.ResponseBeforeRequest,
        field: 'responseTime',
        params: { requestTime, responseTime, acrossMidnight: formatDuration(byTimes) },
      });
    }
    if (durationSeconds !== undefined && durationSeconds !== byTimes) {
      quirks.push({
        quirk: DowntimeQuirk.DurationMismatch,
        field: 'duration',
        params: {
          printed: printed.duration,
          computed: formatDuration(byTimes),
          printedSeconds: durationSeconds,
          computedSeconds: byTimes,
          requestTime,
          responseTime,
          onTimeAsPrinted: isOnTime(durationSeconds, thresholdMinutes),
          onTimeByTimes: computed.onTime,
        },
      });
    }
  }
  if (typeof mark === 'boolean' && durationSeconds !== undefined) {
    const onTimeByDuration = isOnTime(durationSeconds, thresholdMinutes);
    if (mark !== onTimeByDuration) {
      quirks.push({
        quirk: DowntimeQuirk.OnTimeMarkMismatch,
        field: 'onTimeMark',
        params: {
          printed: printed.onTimeMark,
          duration: formatDuration(durationSeconds),
          thresholdMinutes,
          onTimeByDuration,
        },
      });
    }
  }
  return { row, quirks, computed };
}

// ——— Reading the file ———

/** RFC 4180 records: quoted fields may hold the delimiter, `""` and line breaks. */
export function parseCsv(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += char;
    }
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

const normaliseHeader = (cell: string) => cell.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');

function columnOf(cell: string): DowntimeLogColumn | undefined {
  const header = normaliseHeader(cell);
  return DOWNTIME_LOG_COLUMN_KEYS.find((key) => HEADER_ALIASES[key].includes(header));
}

const isHeader = (cells: readonly string[]) => {
  const columns = cells.map(columnOf);
  return columns.includes('date') && columns.includes('requestTime');
};

const TOTAL_LABELS: readonly [keyof PrintedTotals, RegExp][] = [
  ['totalRepairs', /^total perbaikan$/],
  ['totalOnTime', /^total ketepatan$/],
  ['percentOnTime', /^p(r|er)e?sentase ketepatan$/],
];

function totalOf(cells: readonly string[]): keyof PrintedTotals | undefined {
  const label = normaliseHeader(cells[0] ?? '');
  return TOTAL_LABELS.find(([, pattern]) => pattern.test(label))?.[0];
}

/** Whether the printed percentage (`100%`, `66,7 %`, `-`) says the same as the rows, at its precision. */
function samePercent(printed: string, onTime: number, total: number): boolean {
  const trimmed = printed.trim();
  if (total === 0) return trimmed === '-' || trimmed === '';
  const match = /^(\d{1,3})(?:[.,](\d+))?\s*%?$/.exec(trimmed);
  if (!match) return false;
  const decimals = match[2]?.length ?? 0;
  if (decimals === 0) return Number(match[1]) === percentOnTime(onTime, total);
  const value = Number(`${match[1]}.${match[2]}`);
  return Math.abs(value - (onTime * 100) / total) <= 0.5 * 10 ** -decimals + 1e-9;
}

/** The printed totals that disagree with a report over the sheet's rows. */
export function checkPrintedTotals(
  printed: PrintedTotals,
  report: MonthlyDowntimeReport,
): DowntimeLogQuirk[] {
  const quirks: DowntimeLogQuirk[] = [];
  const mismatch = (total: keyof PrintedTotals, printedText: string, computed: string) =>
    quirks.push({
      quirk: DowntimeQuirk.PrintedTotalMismatch,
      field: 'totals',
      params: { total, printed: printedText, computed },
    });
  for (const total of ['totalRepairs', 'totalOnTime'] as const) {
    const value = printed[total]?.printed;
    if (value !== undefined && value.trim() !== String(report[total]))
      mismatch(total, value, String(report[total]));
  }
  const percent = printed.percentOnTime?.printed;
  if (percent !== undefined && !samePercent(percent, report.totalOnTime, report.totalRepairs)) {
    mismatch('percentOnTime', percent, report.percentOnTime === null ? '-' : `${report.percentOnTime}%`);
  }
  return quirks;
}

const DELIMITERS = [';', ',', '\t'] as const;

/**
 * Reads a downtime log CSV (UTF-8, BOM or not; `;`, `,` or tab, found from the header row) for
 * one report month. Every line after the header is a row — even one that cannot be read, which
 * then carries its problems — except entirely empty lines and the three footer rows, whose
 * printed values are kept and compared with the rows. The file itself is refused only when the
 * month is not `YYYY-MM` (field `month`) or no header with the required columns is found (field =
 * the missing column's key).
 */
export function importDowntimeLog(
  csv: string,
  options: DowntimeImportOptions,
): Result<DowntimeLogImport, FieldProblem[]> {
  if (!REPORT_MONTH_PATTERN.test(options.month))
    return err([{ field: 'month', reason: Reason.InvalidFormat }]);
  const thresholdMinutes = options.thresholdMinutes ?? DEFAULT_ON_TIME_THRESHOLD_MINUTES;
  const text = csv.startsWith('\uFEFF') ? csv.slice(1) : csv;

  let found:
    { delimiter: string; records: { line: number; cells: string[] }[]; headerAt: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const records = parseCsv(text, delimiter);
    const headerAt = records.findIndex((record) => isHeader(record.cells));
    if (headerAt >= 0) {
      found = { delimiter, records, headerAt };
      break;
    }
  }
  const required = DOWNTIME_LOG_COLUMN_KEYS.filter((key) => !OPTIONAL_COLUMNS.has(key));
  if (!found) return err(required.map((field) => ({ field, reason: Reason.Required })));
  const { delimiter, records, headerAt } = found;
  const header = records[headerAt]?.cells ?? [];
  const position = new Map<DowntimeLogColumn, number>();
  const extraColumns: string[] = [];
  header.forEach((cell, index) => {
    const column = columnOf(cell);
    if (column && !position.has(column)) position.set(column, index);
    else if (cell.trim() !== '') extraColumns.push(cell);
  });
  const missing = required.filter((key) => !position.has(key));
  if (missing.length > 0) return err(missing.map((field) => ({ field, reason: Reason.Required })));

  const rows: ImportedDowntimeRow[] = [];
  const printedTotals: PrintedTotals = {};
  const firstLineOf = new Map<string, number>();
  for (const record of records.slice(headerAt + 1)) {
    if (record.cells.every((cell) => cell.trim() === '')) continue;
    const total = totalOf(record.cells);
    if (total) {
      const value = record.cells.slice(1).find((cell) => cell.trim() !== '') ?? '';
      printedTotals[total] = { line: record.line, printed: value };
      continue;
    }
    const printed = Object.fromEntries(
      DOWNTIME_LOG_COLUMN_KEYS.map((key) => {
        const index = position.get(key);
        return [key, index === undefined ? '' : (record.cells[index] ?? '')];
      }),
    ) as PrintedDowntimeRow;
    const check = checkDowntimeLogRow(printed, {
      month: options.month,
      thresholdMinutes,
      ...(position.has('no') ? { expectedNo: rows.length + 1 } : {}),
    });
    if (check.row.ok) {
      const { date, unit, requestTime, responseTime, description } = check.row.value;
      const key = JSON.stringify([date, unit.trim(), requestTime, responseTime, description.trim()]);
      const firstLine = firstLineOf.get(key);
      if (firstLine === undefined) firstLineOf.set(key, record.line);
      else check.quirks.push({ quirk: DowntimeQuirk.DuplicateRow, field: 'date', params: { firstLine } });
    }
    rows.push({ line: record.line, printed, ...check });
  }

  const readable = rows.flatMap((row) => (row.row.ok ? [row.row.value] : []));
  const totalsQuirks =
    readable.length === rows.length
      ? checkPrintedTotals(
          printedTotals,
          buildMonthlyReport({ month: options.month, rows: readable, thresholdMinutes }),
        )
      : [];
  return ok({
    month: options.month,
    thresholdMinutes,
    delimiter,
    rows,
    printedTotals,
    totalsQuirks,
    linesBeforeHeader: records
      .slice(0, headerAt)
      .filter((record) => record.cells.some((cell) => cell.trim() !== ''))
      .map((record) => ({ line: record.line, text: record.cells.join(delimiter) })),
    extraColumns,
  });
}

/** The column headers, by key, as the hospital prints them (for messages naming a column). */
export const DOWNTIME_LOG_HEADER_OF: Record<DowntimeLogColumn, string> = Object.fromEntries(
  DOWNTIME_LOG_COLUMN_KEYS.map((key, index) => [key, DOWNTIME_LOG_COLUMNS[index]]),
) as Record<DowntimeLogColumn, string>;

import * as z from 'zod/mini';
import { Reason } from '../reasons';
import { DEFAULT_ON_TIME_THRESHOLD_MINUTES, isOnTime } from './onTime';

/**
 * The hospital's monthly downtime log ("Laporan Gangguan Sistem (Downtime) dan Penanganannya",
 * DOMAIN.md §7.5): one row per repair request to the SIMRS technician, then three totals. The
 * layout is the one hospitals already print: No, Tanggal, Unit, Waktu Permintaan, Waktu Respon,
 * Ketepatan (✓/✗), Durasi Respon, Uraian Pekerjaan, then TOTAL PERBAIKAN, TOTAL KETEPATAN,
 * PRESENTASE KETEPATAN.
 */

export { DEFAULT_ON_TIME_THRESHOLD_MINUTES, isOnTime } from './onTime';

const SECONDS_PER_DAY = 24 * 60 * 60;

/** A wall-clock time as staff write it in the log: `HH:MM`, or `HH:MM:SS` when seconds were noted. */
export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
/** A calendar date, `YYYY-MM-DD`. */
export const LOG_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** A report month, `YYYY-MM`. */
export const REPORT_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

function isRealDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(year, month - 1, day));
  return at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day;
}

const clockTime = z
  .string({ error: Reason.Required })
  .check(z.regex(CLOCK_TIME_PATTERN, { error: Reason.InvalidTime }));
const text = (max: number) =>
  z
    .string({ error: Reason.Required })
    .check(z.trim(), z.minLength(1, { error: Reason.Required }), z.maxLength(max, { error: Reason.TooLong }));

/**
 * One entry of the downtime log. `durationSeconds` is the response duration the log states: for a
 * row captured in Siaga it is computed from the two times ({@link responseDurationSeconds}); for a
 * row imported from a past log it is what the paper says, even when it disagrees with the times
 * (the importer reports that, the person decides). `recordedOnTime` is the ✓/✗ mark as written,
 * absent when none was; the report recomputes the mark from the duration and never trusts it.
 */
export const downtimeLogRowSchema = z.strictObject({
  date: z
    .string({ error: Reason.Required })
    .check(
      z.regex(LOG_DATE_PATTERN, { error: Reason.InvalidDate }),
      z.refine(isRealDate, { error: Reason.InvalidDate }),
    ),
  unit: text(200),
  requestTime: clockTime,
  responseTime: clockTime,
  durationSeconds: z
    .number({ error: (issue) => (issue.input === undefined ? Reason.Required : Reason.InvalidFormat) })
    .check(
      z.int({ error: Reason.InvalidFormat }),
      z.gte(0, { error: Reason.OutOfRange }),
      z.lt(SECONDS_PER_DAY, { error: Reason.OutOfRange }),
    ),
  description: text(1000),
  recordedOnTime: z.optional(z.boolean()),
});
export type DowntimeLogRow = z.infer<typeof downtimeLogRowSchema>;

/** Seconds since midnight of an `HH:MM` / `HH:MM:SS` time (which must match {@link CLOCK_TIME_PATTERN}). */
export function clockSeconds(time: string): number {
  if (!CLOCK_TIME_PATTERN.test(time)) throw new Error('invalid clock time');
  const [hours = 0, minutes = 0, seconds = 0] = time.split(':').map(Number);
  return hours * 3600 + minutes * 60 + seconds;
}

/**
 * Seconds from the request to the response. The log has one date per row, so a response whose
 * clock time is earlier than the request's is read as the next day: 23:50 → 00:05 is 15 minutes.
 * (Whether that is really a midnight crossing or a slip of the pen is the importer's question.)
 */
export function responseDurationSeconds(requestTime: string, responseTime: string): number {
  const difference = clockSeconds(responseTime) - clockSeconds(requestTime);
  return difference >= 0 ? difference : difference + SECONDS_PER_DAY;
}

/**
 * PRESENTASE KETEPATAN as a whole percent, or `null` for a month with no repairs.
 *
 * Rule: on-time ÷ total × 100, rounded half up to a whole percent — what the hospital's
 * spreadsheet shows with the `0%` format (2/3 → 67 %, 1/8 → 13 %, 5/5 → 100 %) — except that it
 * never rounds up to 100 % while a response was late (199/200 → 99 %) nor down to 0 % while one
 * was on time (1/201 → 1 %): an accreditation indicator must not claim "all on time" falsely.
 * Integer arithmetic, so no floating-point edge decides a half.
 *
 * An empty month has no percentage (`null`, printed `-`): 0 % would read as "every response was
 * late" and 100 % as "every response was on time", and neither happened.
 */
export function percentOnTime(onTime: number, total: number): number | null {
  if (!Number.isInteger(onTime) || !Number.isInteger(total) || onTime < 0 || onTime > total) {
    throw new Error('invalid on-time count');
  }
  if (total === 0) return null;
  const rounded = Math.floor((200 * onTime + total) / (2 * total));
  if (rounded === 100 && onTime < total) return 99;
  if (rounded === 0 && onTime > 0) return 1;
  return rounded;
}

export type DowntimeReportLine<R extends DowntimeLogRow = DowntimeLogRow> = {
  /** 1, 2, 3… in the order of the report (date, then request time). */
  no: number;
  row: R;
  /** Ketepatan as the report prints it: computed from the row's duration and the threshold. */
  onTime: boolean;
};

export type MonthlyDowntimeReport<R extends DowntimeLogRow = DowntimeLogRow> = {
  month: string;
  thresholdMinutes: number;
  lines: DowntimeReportLine<R>[];
  /** TOTAL PERBAIKAN */
  totalRepairs: number;
  /** TOTAL KETEPATAN */
  totalOnTime: number;
  /** PRESENTASE KETEPATAN, see {@link percentOnTime}; `null` for an empty month. */
  percentOnTime: number | null;
};

/** The rows whose date falls in a `YYYY-MM` month. */
export function rowsOfMonth<T extends Pick<DowntimeLogRow, 'date'>>(rows: readonly T[], month: string): T[] {
  return rows.filter((row) => row.date.startsWith(`${month}-`));
}

/**
 * The monthly report over the month's log rows. Every row given is counted (an imported sheet's
 * rows stay in the month of the sheet even when a date was miswritten; choose rows by date with
 * {@link rowsOfMonth}). Rows are numbered by date, then request time, keeping the given order for
 * ties; Ketepatan is recomputed from each row's duration, so a row accepted "as printed" counts as
 * printed and a corrected one as corrected.
 */
export function buildMonthlyReport<R extends DowntimeLogRow>(input: {
  month: string;
  rows: readonly R[];
  thresholdMinutes?: number;
}): MonthlyDowntimeReport<R> {
  if (!REPORT_MONTH_PATTERN.test(input.month)) throw new Error('invalid report month');
  const thresholdMinutes = input.thresholdMinutes ?? DEFAULT_ON_TIME_THRESHOLD_MINUTES;
  const ordered = input.rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        a.row.date.localeCompare(b.row.date) ||
        clockSeconds(a.row.requestTime) - clockSeconds(b.row.requestTime) ||
        a.index - b.index,
    );
  const lines = ordered.map(({ row }, index) => ({
    no: index + 1,
    row,
    onTime: isOnTime(row.durationSeconds, thresholdMinutes),
  }));
  const totalOnTime = lines.filter((line) => line.onTime).length;
  return {
    month: input.month,
    thresholdMinutes,
    lines,
    totalRepairs: lines.length,
    totalOnTime,
    percentOnTime: percentOnTime(totalOnTime, lines.length),
  };
}

// ——— The hospital's layout as text ———

/** Column headers in the hospital's order. */
export const DOWNTIME_LOG_COLUMNS = [
  'No',
  'Tanggal',
  'Unit',
  'Waktu Permintaan',
  'Waktu Respon',
  'Ketepatan',
  'Durasi Respon',
  'Uraian Pekerjaan',
] as const;

/** Labels of the three footer rows, as the hospital prints them (sic: "PRESENTASE"). */
export const DOWNTIME_REPORT_TOTALS = {
  totalRepairs: 'TOTAL PERBAIKAN',
  totalOnTime: 'TOTAL KETEPATAN',
  percentOnTime: 'PRESENTASE KETEPATAN',
} as const;

/** The column under which the footer rows print their value (Ketepatan). */
export const TOTALS_VALUE_COLUMN = DOWNTIME_LOG_COLUMNS.indexOf('Ketepatan');

export const ON_TIME_MARK = '✓';
export const LATE_MARK = '✗';

const pad = (value: number) => String(value).padStart(2, '0');

/** `0:03:00`, the way the log prints a duration (hours unpadded). */
export function formatDuration(seconds: number): string {
  return `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

/** `04/01/2023` for `2023-01-04`. */
export function formatLogDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** `100%`, or `-` for a month without repairs. */
export function formatPercent(percent: number | null): string {
  return percent === null ? '-' : `${percent}%`;
}

/**
 * `;` — Excel takes the CSV delimiter from Windows' list separator, which is `;` wherever the
 * decimal separator is `,`, as in the Indonesian (id-ID) locale: a `,`-separated file opens there
 * as one column. `;` also never occurs in a time, date or percentage.
 */
export const CSV_DELIMITER = ';';
/**
 * A UTF-8 byte-order mark: without it Excel reads the file in the ANSI code page and ✓/✗ turn to
 * mojibake. (No `sep=;` line: it makes Excel ignore the BOM.)
 */
export const CSV_BOM = '\uFEFF';

/**
 * One CSV field: quoted when it holds the delimiter, a quote, a line break or edge spaces (quotes
 * doubled, RFC 4180). A text that starts like a spreadsheet formula (`=`, `+`, `-`, `@`, tab, CR)
 * gets a leading `'` so Excel shows it instead of evaluating it (OWASP "CSV injection"); only free
 * text passes through here with `guardFormula`.
 */
export function csvField(value: string, guardFormula = false): string {
  const safe = guardFormula && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The report as the hospital prints it, as CSV for Excel: UTF-8 with BOM, `;`-separated, CRLF line
 * ends; the header row, one row per repair, then TOTAL PERBAIKAN, TOTAL KETEPATAN and PRESENTASE
 * KETEPATAN with the value under Ketepatan. `importDowntimeLog` reads this file back.
 */
export function downtimeReportToCsv(report: MonthlyDowntimeReport<DowntimeLogRow>): string {
  const line = (cells: readonly string[]) => cells.join(CSV_DELIMITER);
  const footer = (label: string, value: string) =>
    line(
      DOWNTIME_LOG_COLUMNS.map((_, index) =>
        index === 0 ? label : index === TOTALS_VALUE_COLUMN ? value : '',
      ),
    );
  const lines = [
    line(DOWNTIME_LOG_COLUMNS),
    ...report.lines.map(({ no, row, onTime }) =>
      line([
        String(no),
        formatLogDate(row.date),
        csvField(row.unit, true),
        row.requestTime,
        row.responseTime,
        onTime ? ON_TIME_MARK : LATE_MARK,
        formatDuration(row.durationSeconds),
        csvField(row.description, true),
      ]),
    ),
    footer(DOWNTIME_REPORT_TOTALS.totalRepairs, String(report.totalRepairs)),
    footer(DOWNTIME_REPORT_TOTALS.totalOnTime, String(report.totalOnTime)),
    footer(DOWNTIME_REPORT_TOTALS.percentOnTime, formatPercent(report.percentOnTime)),
  ];
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

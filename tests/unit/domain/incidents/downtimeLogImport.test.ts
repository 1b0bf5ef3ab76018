import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkDowntimeLogRow,
  DowntimeQuirk,
  importDowntimeLog,
  readPrintedDuration,
  readPrintedTime,
  type DowntimeLogImport,
  type ImportedDowntimeRow,
  type PrintedDowntimeRow,
} from '@/domain/incidents/downtimeLogImport';
import {
  buildMonthlyReport,
  downtimeReportToCsv,
  type DowntimeLogRow,
} from '@/domain/incidents/downtimeReport';
import { Reason } from '@/domain';

const HEADER = 'No;Tanggal;Unit;Waktu Permintaan;Waktu Respon;Ketepatan;Durasi Respon;Uraian Pekerjaan';
const UNIT = 'Instalasi Rekam Medis';

function seed(month: string): string {
  return readFileSync(`tests/fixtures/downtime-logs-seed/${month}.csv`, 'utf8');
}

function imported(csv: string, month = '2023-01', thresholdMinutes?: number): DowntimeLogImport {
  const result = importDowntimeLog(csv, {
    month,
    ...(thresholdMinutes === undefined ? {} : { thresholdMinutes }),
  });
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

const readRows = (log: DowntimeLogImport): DowntimeLogRow[] =>
  log.rows.map((row) => {
    if (!row.row.ok) throw new Error(`row ${row.line} unreadable`);
    return row.row.value;
  });

const quirkList = (rows: readonly ImportedDowntimeRow[]) =>
  rows.flatMap((row, index) => row.quirks.map((quirk) => [index + 1, quirk.quirk]));

describe('the eight monthly tables of the seed', () => {
  // Printed totals of Gambar 1–8: TOTAL PERBAIKAN, TOTAL KETEPATAN, PRESENTASE KETEPATAN.
  const printed = [
    ['2023-01', 5, 5, 100],
    ['2023-02', 4, 4, 100],
    ['2023-03', 4, 4, 100],
    ['2023-04', 5, 5, 100],
    ['2023-05', 5, 5, 100],
    ['2023-06', 4, 4, 100],
    ['2023-07', 5, 5, 100],
    ['2023-08', 5, 5, 100],
  ] as const;

  // Row number (No) → quirk. Everything else in the tables is consistent.
  const knownQuirks: Record<string, [number, string][]> = {
    '2023-01': [[2, DowntimeQuirk.DurationMismatch]],
    '2023-04': [[1, DowntimeQuirk.DateOutsideMonth]],
    '2023-05': [1, 2, 3, 4, 5].map((no) => [no, DowntimeQuirk.DateOutsideMonth]),
  };

  it.each(printed)(
    '%s imports every row and reproduces the printed totals %i / %i / %i%%',
    (month, repairs, onTime, percent) => {
      const log = imported(seed(month), month);
      expect(log.delimiter).toBe(';');
      expect(log.rows.every((row) => row.row.ok)).toBe(true);
      expect(quirkList(log.rows)).toEqual(knownQuirks[month] ?? []);
      expect(log.printedTotals).toMatchObject({
        totalRepairs: { printed: String(repairs) },
        totalOnTime: { printed: String(onTime) },
        percentOnTime: { printed: `${percent}%` },
      });
      expect(log.totalsQuirks).toEqual([]);

      const report = buildMonthlyReport({ month, rows: readRows(log) });
      expect([report.totalRepairs, report.totalOnTime, report.percentOnTime]).toEqual([
        repairs,
        onTime,
        percent,
      ]);
      expect(report.lines.map((line) => line.no)).toEqual(log.rows.map((row) => Number(row.printed.no)));
    },
  );

  it('January row 2: 08:38 → 09:00 is 22 minutes, not the printed 0:02:00 (late by the times)', () => {
    const row = imported(seed('2023-01'), '2023-01').rows[1];
    expect(row?.quirks).toEqual([
      {
        quirk: DowntimeQuirk.DurationMismatch,
        field: 'duration',
        params: {
          printed: '0:02:00',
          computed: '0:22:00',
          printedSeconds: 120,
          computedSeconds: 1320,
          requestTime: '08:38',
          responseTime: '09:00',
          onTimeAsPrinted: true,
          onTimeByTimes: false,
        },
      },
    ]);
    // Accepted as printed the row stays as printed; the times are offered as the fix.
    expect(row?.row).toEqual({
      ok: true,
      value: {
        date: '2023-01-10',
        unit: UNIT,
        requestTime: '08:38',
        responseTime: '09:00',
        durationSeconds: 120,
        description: 'Pengapian kabel jaringan',
        recordedOnTime: true,
      },
    });
    expect(row?.computed).toEqual({ durationSeconds: 1320, onTime: false });
  });

  it('January fixed by the times would be 4 of 5 on time, 80%', () => {
    const log = imported(seed('2023-01'), '2023-01');
    const rows = log.rows.map((row) =>
      row.row.ok && row.computed
        ? { ...row.row.value, durationSeconds: row.computed.durationSeconds }
        : undefined,
    );
    const report = buildMonthlyReport({ month: '2023-01', rows: rows.filter((row) => row !== undefined) });
    expect([report.totalRepairs, report.totalOnTime, report.percentOnTime]).toEqual([5, 4, 80]);
  });

  it('the May table is dated March: every row is reported, none moved or dropped', () => {
    const log = imported(seed('2023-05'), '2023-05');
    expect(log.rows.map((row) => row.quirks[0]?.params)).toEqual(
      ['12/03/2023', '13/03/2023', '24/03/2023', '27/03/2023', '29/03/2023'].map((date) => ({
        printed: date,
        date: `2023-03-${date.slice(0, 2)}`,
        month: '2023-05',
      })),
    );
    expect(readRows(log).every((row) => row.date.startsWith('2023-03'))).toBe(true);
  });

  it('the April table starts with a March date (12/03/2023)', () => {
    const [first] = imported(seed('2023-04'), '2023-04').rows;
    expect(first?.quirks).toEqual([
      {
        quirk: DowntimeQuirk.DateOutsideMonth,
        field: 'date',
        params: { printed: '12/03/2023', date: '2023-03-12', month: '2023-04' },
      },
    ]);
  });

  it('keeps every cell exactly as printed, typos included', () => {
    const csv = seed('2023-02');
    const log = imported(csv, '2023-02');
    const lines = csv.split('\r\n');
    for (const row of log.rows) {
      expect(Object.values(row.printed).join(';')).toBe(lines[row.line - 1]);
    }
    expect(log.rows[1]?.printed.description).toBe('Perbaikan bnyis error');
    expect(imported(seed('2023-01'), '2023-01').rows[3]?.printed.description).toBe('Ganti label jaringan ba');
  });

  it('the report exported as CSV reads back to the same rows with nothing suspicious', () => {
    for (const [month] of printed) {
      const report = buildMonthlyReport({ month, rows: readRows(imported(seed(month), month)) });
      const again = imported(downtimeReportToCsv(report), month);
      // Only the seed's own mistakes come back (the exported duration is the one printed).
      expect(quirkList(again.rows)).toEqual(knownQuirks[month] ?? []);
      expect(again.totalsQuirks).toEqual([]);
      expect(readRows(again)).toEqual(
        report.lines.map((line) => ({ ...line.row, recordedOnTime: line.onTime })),
      );
    }
  });
});

describe('reading cells', () => {
  it.each([
    ['08:38', '08:38'],
    ['08.38', '08:38'],
    ['8:38', '08:38'],
    [' 8.38 ', '08:38'],
    ['08:38:20', '08:38:20'],
    ['0838', undefined],
    ['8', undefined],
  ])('time %j → %j', (text, time) => {
    expect(readPrintedTime(text)).toBe(time);
  });

  it.each([
    ['0:02:00', 120],
    ['00:02:00', 120],
    ['0.02.00', 120],
    ['0:22', 22 * 60],
    ['1:05:30', 3930],
    ['2', 120],
    ['0:62:00', undefined],
    ['2 menit', undefined],
  ])('duration %j → %j seconds', (text, seconds) => {
    expect(readPrintedDuration(text)).toBe(seconds);
  });

  it('reads a comma-separated file with dotted times and other marks', () => {
    const csv = [
      'No,Tanggal,Unit,Waktu Permintaan,Waktu Respon,Ketepatan,Durasi Respon,Uraian Pekerjaan',
      '1,4/1/2023,Poli Anak,08.38,08.41,√,0:03:00,"Ganti kabel, RJ45"',
      '2,05-01-2023,Pendaftaran,23.55,00.05,,0:10:00,Setting IP',
    ].join('\n');
    const log = imported(csv);
    expect(log.delimiter).toBe(',');
    expect(readRows(log)).toEqual([
      {
        date: '2023-01-04',
        unit: 'Poli Anak',
        requestTime: '08:38',
        responseTime: '08:41',
        durationSeconds: 180,
        description: 'Ganti kabel, RJ45',
        recordedOnTime: true,
      },
      // A midnight crossing the duration confirms is not suspicious; no mark recorded.
      {
        date: '2023-01-05',
        unit: 'Pendaftaran',
        requestTime: '23:55',
        responseTime: '00:05',
        durationSeconds: 600,
        description: 'Setting IP',
      },
    ]);
    expect(quirkList(log.rows)).toEqual([]);
  });

  it('reads a tab-separated file (pasted from a document) and the correct spelling PERSENTASE', () => {
    const csv = [
      'No\tTanggal\tUnit\tWaktu Permintaan\tWaktu Respon\tKetepatan\tDurasi Respon\tUraian Pekerjaan',
      `1\t04/01/2023\t${UNIT}\t10:06\t10:09\t✓\t0:03:00\tPemindahan jaringan`,
      'PERSENTASE KETEPATAN\t\t\t\t\t100%\t\t',
    ].join('\n');
    const log = imported(csv);
    expect(log.delimiter).toBe('\t');
    expect(log.rows).toHaveLength(1);
    expect(log.printedTotals.percentOnTime?.printed).toBe('100%');
  });
});

describe('suspicious rows', () => {
  const printedRow = (fields: Partial<PrintedDowntimeRow>): PrintedDowntimeRow => ({
    no: '1',
    date: '04/01/2023',
    unit: UNIT,
    requestTime: '10:06',
    responseTime: '10:09',
    onTimeMark: '✓',
    duration: '0:03:00',
    description: 'Pemindahan jaringan',
    ...fields,
  });
  const check = (fields: Partial<PrintedDowntimeRow>, thresholdMinutes?: number) =>
    checkDowntimeLogRow(printedRow(fields), {
      month: '2023-01',
      expectedNo: 1,
      ...(thresholdMinutes === undefined ? {} : { thresholdMinutes }),
    });

  it('a consistent row has no quirks', () => {
    expect(check({}).quirks).toEqual([]);
  });

  it('a response before the request, duration printed as if swapped', () => {
    const result = check({ requestTime: '10:09', responseTime: '10:06' });
    expect(result.row.ok).toBe(true);
    expect(result.quirks).toEqual([
      {
        quirk: DowntimeQuirk.ResponseBeforeRequest,
        field: 'responseTime',
        params: { requestTime: '10:09', responseTime: '10:06', acrossMidnight: '23:57:00' },
      },
      expect.objectContaining({ quirk: DowntimeQuirk.DurationMismatch }),
    ]);
  });

  it('a ✓ on a duration over the threshold, a ✗ on one within it', () => {
    expect(check({ responseTime: '10:26', duration: '0:20:00' }).quirks).toEqual([
      {
        quirk: DowntimeQuirk.OnTimeMarkMismatch,
        field: 'onTimeMark',
        params: { printed: '✓', duration: '0:20:00', thresholdMinutes: 15, onTimeByDuration: false },
      },
    ]);
    expect(check({ onTimeMark: '✗' }).quirks.map((quirk) => quirk.quirk)).toEqual([
      DowntimeQuirk.OnTimeMarkMismatch,
    ]);
    // With the hospital's own 30-minute threshold the ✓ is right.
    expect(check({ responseTime: '10:26', duration: '0:20:00' }, 30).quirks).toEqual([]);
  });

  it('a number out of sequence', () => {
    expect(check({ no: '3' }).quirks).toEqual([
      { quirk: DowntimeQuirk.NumberOutOfSequence, field: 'no', params: { printed: '3', expected: 1 } },
    ]);
  });

  it('a row whose cells cannot be read keeps them and names each problem', () => {
    const result = check({
      date: '31/02/2023',
      unit: '',
      requestTime: '10;06',
      duration: '',
      onTimeMark: '?',
    });
    expect(result.row).toEqual({
      ok: false,
      error: [
        { field: 'date', reason: Reason.InvalidDate },
        { field: 'unit', reason: Reason.Required },
        { field: 'requestTime', reason: Reason.InvalidTime },
        { field: 'duration', reason: Reason.Required },
        { field: 'onTimeMark', reason: Reason.InvalidFormat },
      ],
    });
    expect(result.computed).toBeUndefined();
  });

  it('a fixed row checks clean', () => {
    const before = check({ responseTime: '09:00', requestTime: '08:38', duration: '0:02:00' });
    expect(before.quirks.map((quirk) => quirk.quirk)).toEqual([DowntimeQuirk.DurationMismatch]);
    const after = check({
      responseTime: '09:00',
      requestTime: '08:38',
      duration: '0:22:00',
      onTimeMark: '✗',
    });
    expect(after.quirks).toEqual([]);
    expect(after.row.ok && after.row.value.durationSeconds).toBe(1320);
  });
});

describe('the file', () => {
  it('keeps unreadable rows in place, marks duplicates and checks printed totals only when all rows read', () => {
    const rows = [
      HEADER,
      `1;04/01/2023;${UNIT};10:06;10:09;✓;0:03:00;Pemindahan jaringan`,
      `2;04/01/2023;${UNIT};10:06;10:09;✓;0:03:00;Pemindahan jaringan`,
      `3;05/01/2023;${UNIT};10.xx;10:09;✓;0:03:00;Setting IP`,
      'TOTAL PERBAIKAN;;;;;2;;',
    ];
    const log = imported(rows.join('\r\n'));
    expect(log.rows.map((row) => [row.line, row.row.ok, row.quirks.map((quirk) => quirk.quirk)])).toEqual([
      [2, true, []],
      [3, true, [DowntimeQuirk.DuplicateRow]],
      [4, false, []],
    ]);
    expect(log.rows[1]?.quirks[0]?.params).toEqual({ firstLine: 2 });
    expect(log.totalsQuirks).toEqual([]);

    const fixed = imported(rows.filter((_, index) => index !== 3).join('\r\n'));
    expect(fixed.totalsQuirks).toEqual([]);
  });

  it('reports printed totals that disagree with the rows', () => {
    const csv = [
      HEADER,
      `1;04/01/2023;${UNIT};10:06;10:09;✓;0:03:00;Pemindahan jaringan`,
      `2;10/01/2023;${UNIT};08:38;09:00;✗;0:22:00;Ganti kabel`,
      'TOTAL PERBAIKAN;;;;;2;;',
      'TOTAL KETEPATAN;;;;;2;;',
      'PRESENTASE KETEPATAN;;;;;100%;;',
    ].join('\r\n');
    expect(imported(csv).totalsQuirks).toEqual([
      {
        quirk: DowntimeQuirk.PrintedTotalMismatch,
        field: 'totals',
        params: { total: 'totalOnTime', printed: '2', computed: '1' },
      },
      {
        quirk: DowntimeQuirk.PrintedTotalMismatch,
        field: 'totals',
        params: { total: 'percentOnTime', printed: '100%', computed: '50%' },
      },
    ]);
    expect(
      imported(csv.replace('100%', '50,0 %').replace(';;2;;\r\nPRES', ';;1;;\r\nPRES')).totalsQuirks,
    ).toEqual([]);
  });

  it('lists lines before the header and columns it does not import; counts lines inside quotes', () => {
    const csv = [
      '\uFEFFLaporan Gangguan Sistem (Downtime) Bulan Januari 2023;;;',
      '',
      `${HEADER};Teknisi`,
      `1;04/01/2023;${UNIT};10:06;10:09;✓;0:03:00;"Pemindahan jaringan\nlantai 2";Budi`,
      `2;05/01/2023;${UNIT};10:06;10:09;✓;0:03:00;Setting IP;Budi`,
    ].join('\r\n');
    const log = imported(csv);
    expect(log.linesBeforeHeader).toEqual([
      { line: 1, text: 'Laporan Gangguan Sistem (Downtime) Bulan Januari 2023;;;' },
    ]);
    expect(log.extraColumns).toEqual(['Teknisi']);
    expect(log.rows.map((row) => row.line)).toEqual([4, 6]);
    expect(log.rows[0]?.printed.description).toBe('Pemindahan jaringan\nlantai 2');
  });

  it('works without the derived columns No and Ketepatan', () => {
    const csv = [
      'Tanggal;Unit;Waktu Permintaan;Waktu Respon;Durasi Respon;Uraian Pekerjaan',
      `04/01/2023;${UNIT};10:06;10:09;0:03:00;Setting IP`,
    ].join('\n');
    const log = imported(csv);
    expect(log.rows[0]?.quirks).toEqual([]);
    expect(log.rows[0]?.printed).toMatchObject({ no: '', onTimeMark: '' });
  });

  it('refuses a file without the required columns, or a month that is not YYYY-MM', () => {
    expect(importDowntimeLog('Tanggal;Unit;Waktu Permintaan;Uraian\n', { month: '2023-01' })).toEqual({
      ok: false,
      error: [
        { field: 'responseTime', reason: Reason.Required },
        { field: 'duration', reason: Reason.Required },
      ],
    });
    expect(importDowntimeLog('', { month: '2023-01' }).ok).toBe(false);
    expect(importDowntimeLog(`${HEADER}\n`, { month: 'Januari' })).toEqual({
      ok: false,
      error: [{ field: 'month', reason: Reason.InvalidFormat }],
    });
  });
});

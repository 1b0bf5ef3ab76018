import {
  DOWNTIME_LOG_COLUMNS,
  DOWNTIME_REPORT_TOTALS,
  formatDuration,
  formatLogDate,
  formatPercent,
  LATE_MARK,
  ON_TIME_MARK,
  type IncidentMonthReport,
} from '@/domain';
import { paths } from '@/features/common';
import { useIncidentT, type IncidentMessageKey } from '@/i18n/incidents';
import { onLinkClick } from '@/ui/navigation';

const SCREEN_COLUMNS: readonly IncidentMessageKey[] = [
  'report.col.no',
  'report.col.date',
  'report.col.unit',
  'report.col.requested',
  'report.col.responded',
  'report.col.onTime',
  'report.col.duration',
  'report.col.work',
];

/**
 * The month in the hospital's own layout: one row per repair request, then TOTAL PERBAIKAN,
 * TOTAL KETEPATAN and PRESENTASE KETEPATAN under Ketepatan. On paper the headers are the
 * hospital's (Indonesian) ones; on screen they follow the reader's language and each row says
 * where it came from.
 */
export function MonthlyReportTable({ report, paper }: { report: IncidentMonthReport; paper: boolean }) {
  const ti = useIncidentT();
  const headers = paper ? DOWNTIME_LOG_COLUMNS : SCREEN_COLUMNS.map((key) => ti(key));
  const totals = paper
    ? [
        DOWNTIME_REPORT_TOTALS.totalRepairs,
        DOWNTIME_REPORT_TOTALS.totalOnTime,
        DOWNTIME_REPORT_TOTALS.percentOnTime,
      ]
    : [ti('report.totalRepairs'), ti('report.totalOnTime'), ti('report.percentOnTime')];
  const values = [
    String(report.totalRepairs),
    String(report.totalOnTime),
    formatPercent(report.percentOnTime),
  ];
  const table = (
    <table className={paper ? 'paper-table' : 'data-table downtime-report'}>
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col">
              {header}
            </th>
          ))}
          {paper ? null : <th scope="col">{ti('report.col.source')}</th>}
        </tr>
      </thead>
      <tbody>
        {report.lines.length === 0 ? (
          <tr>
            <td colSpan={paper ? 8 : 9}>{ti('report.empty')}</td>
          </tr>
        ) : null}
        {report.lines.map(({ no, row, onTime }) => (
          <tr key={`${no}`}>
            <td>{no}</td>
            <td>{formatLogDate(row.date)}</td>
            <td>{row.unit}</td>
            <td>{row.requestTime}</td>
            <td>{row.responseTime}</td>
            <td aria-label={ti(onTime ? 'report.onTime' : 'report.late')}>
              {onTime ? ON_TIME_MARK : LATE_MARK}
            </td>
            <td>{formatDuration(row.durationSeconds)}</td>
            <td>{row.description || '—'}</td>
            {paper ? null : (
              <td>
                {row.source.kind === 'incident' ? (
                  <a href={paths.incident(row.source.incidentId)} onClick={onLinkClick}>
                    {row.source.number}
                  </a>
                ) : (
                  ti(row.source.acceptedQuirks.length > 0 ? 'report.importedAccepted' : 'report.imported', {
                    line: row.source.line,
                  })
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
      <tfoot>
        {totals.map((label, index) => (
          <tr key={label}>
            <th scope="row" colSpan={5}>
              {label}
            </th>
            <td>{values[index]}</td>
            <td colSpan={paper ? 2 : 3} />
          </tr>
        ))}
      </tfoot>
    </table>
  );
  // On a tablet the nine columns may be wider than the screen: the table scrolls, not the page.
  return paper ? table : <div className="table-scroll">{table}</div>;
}

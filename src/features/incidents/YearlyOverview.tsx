import type { MonthOverview } from '@/domain';
import { INTL_LOCALE, useLanguage } from '@/i18n';
import { useIncidentT } from '@/i18n/incidents';

const WIDTH = 360;
const HEIGHT = 140;
const AXIS = 18;

/**
 * Twelve bars, one per month: a small inline SVG (no chart library). The picture is a summary for
 * the eye; the table under the charts carries the same numbers for screen readers and print.
 */
function BarChart({
  title,
  values,
  labels,
  format,
  max,
}: {
  title: string;
  values: readonly (number | null)[];
  labels: readonly string[];
  format: (value: number) => string;
  max?: number;
}) {
  const ti = useIncidentT();
  const top = Math.max(max ?? 0, ...values.map((value) => value ?? 0), 1);
  const slot = WIDTH / values.length;
  const barWidth = slot * 0.6;
  const usable = HEIGHT - AXIS - 14;
  return (
    <figure className="year-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <line x1={0} y1={HEIGHT - AXIS} x2={WIDTH} y2={HEIGHT - AXIS} className="year-chart__axis" />
        {values.map((value, index) => {
          const x = index * slot + (slot - barWidth) / 2;
          const height = value === null ? 0 : (value / top) * usable;
          return (
            <g key={labels[index]}>
              {value === null ? null : (
                <>
                  <rect
                    x={x}
                    y={HEIGHT - AXIS - height}
                    width={barWidth}
                    height={height}
                    className="year-chart__bar"
                  >
                    <title>{`${labels[index]}: ${format(value)}`}</title>
                  </rect>
                  {value > 0 ? (
                    <text x={x + barWidth / 2} y={HEIGHT - AXIS - height - 3} className="year-chart__value">
                      {format(value)}
                    </text>
                  ) : null}
                </>
              )}
              <text x={x + barWidth / 2} y={HEIGHT - 4} className="year-chart__label">
                {labels[index]}
              </text>
            </g>
          );
        })}
      </svg>
      {values.every((value) => value === null || value === 0) ? (
        <p className="field__hint">{ti('year.noData')}</p>
      ) : null}
    </figure>
  );
}

/** The year at a glance: incidents per month, on-time %, median response, hours of downtime. */
export function YearlyOverview({ year, months }: { year: number; months: readonly MonthOverview[] }) {
  const ti = useIncidentT();
  const language = useLanguage();
  const short = months.map((month) =>
    new Intl.DateTimeFormat(INTL_LOCALE[language], { month: 'short', timeZone: 'UTC' }).format(
      new Date(`${month.month}-01T00:00:00Z`),
    ),
  );
  const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
  const decimal = new Intl.NumberFormat(INTL_LOCALE[language], { maximumFractionDigits: 1 });
  return (
    <section aria-labelledby="year-title">
      <h2 id="year-title">{ti('year.title', { year })}</h2>
      <div className="year-charts">
        <BarChart
          title={ti('year.repairs')}
          values={months.map((month) => month.repairs)}
          labels={short}
          format={String}
        />
        <BarChart
          title={ti('year.percent')}
          values={months.map((month) => month.percentOnTime)}
          labels={short}
          format={(value) => `${value}%`}
          max={100}
        />
        <BarChart
          title={ti('year.median')}
          values={months.map((month) =>
            month.medianResponseSeconds === null ? null : Math.round(month.medianResponseSeconds / 60),
          )}
          labels={short}
          format={String}
        />
        <BarChart
          title={ti('year.downtime')}
          values={months.map((month) => hours(month.downtimeMinutes))}
          labels={short}
          format={(value) => decimal.format(value)}
        />
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <caption>{ti('year.tableCaption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{ti('year.month')}</th>
              <th scope="col">{ti('year.repairs')}</th>
              <th scope="col">{ti('year.onTime')}</th>
              <th scope="col">{ti('year.percent')}</th>
              <th scope="col">{ti('year.median')}</th>
              <th scope="col">{ti('year.incidents')}</th>
              <th scope="col">{ti('year.downtime')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((month, index) => (
              <tr key={month.month}>
                <th scope="row">
                  {short[index]}
                  {month.imported ? ` ${ti('year.importedMark')}` : ''}
                </th>
                <td>{month.repairs}</td>
                <td>{month.onTime}</td>
                <td>{month.percentOnTime === null ? '-' : `${month.percentOnTime}%`}</td>
                <td>
                  {month.medianResponseSeconds === null ? '-' : Math.round(month.medianResponseSeconds / 60)}
                </td>
                <td>{month.incidents}</td>
                <td>{decimal.format(hours(month.downtimeMinutes))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="field__hint">{ti('year.note')}</p>
    </section>
  );
}

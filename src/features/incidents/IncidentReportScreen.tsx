import { useState } from 'react';
import {
  buildIncidentMonthReport,
  buildYearlyOverview,
  downtimeReportToCsv,
  facilityDate,
  facilityMonth,
  incidentNumber,
  onTimeThresholdMinutes,
  sopSteps,
  stepTimings,
  type Incident,
  type RuntimeConfig,
  type SopStep,
} from '@/domain';
import { downloadText, paths, PrintArea, usePrint } from '@/features/common';
import { DeviceGate } from '@/features/deviceSetup';
import { INTL_LOCALE, useLanguage } from '@/i18n';
import { useIncidentT } from '@/i18n/incidents';
import { useDowntimeLogs, useIncidents } from '@/storage';
import { Button } from '@/ui/Button';
import { TextField } from '@/ui/Field';
import { onLinkClick } from '@/ui/navigation';
import { Notice } from '@/ui/Notice';
import { StepTimingTable } from './IncidentPanels';
import { MISSING_LABEL, monthName } from './labels';
import { MonthlyReportTable } from './MonthlyReportTable';
import { YearlyOverview } from './YearlyOverview';

function DrillsOfMonth({
  drills,
  incidents,
  steps,
}: {
  drills: readonly Incident[];
  incidents: readonly Incident[];
  steps: readonly SopStep[];
}) {
  const ti = useIncidentT();
  const language = useLanguage();
  const label = (step: SopStep) => (language === 'en' && step.labelEn ? step.labelEn : step.label);
  return (
    <section aria-labelledby="drills-title">
      <h2 id="drills-title">{ti('report.drillsTitle')}</h2>
      {drills.length === 0 ? <p>{ti('report.noDrills')}</p> : null}
      {drills.map((drill) => (
        <StepTimingTable
          key={drill.id}
          incident={drill}
          timings={stepTimings(drill, steps)}
          label={label}
          caption={incidentNumber(drill, incidents)}
        />
      ))}
    </section>
  );
}

function Report({ config }: { config: RuntimeConfig }) {
  const ti = useIncidentT();
  const language = useLanguage();
  const print = usePrint();
  const zone = config.facility.timeZone;
  const incidents = useIncidents();
  const sheets = useDowntimeLogs();
  const [month, setMonth] = useState(() => facilityDate(new Date(), zone).slice(0, 7));
  if (incidents === undefined || sheets === undefined) return <p>{ti('loading')}</p>;
  const thresholdMinutes = onTimeThresholdMinutes(config);
  const validMonth = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const report = validMonth
    ? buildIncidentMonthReport({ month, incidents, sheets, thresholdMinutes, zone })
    : undefined;
  const year = Number(month.slice(0, 4));
  const title = validMonth ? ti('report.printTitle', { month: monthName(month, INTL_LOCALE[language]) }) : '';
  const drills = incidents.filter(
    (incident) => incident.drill && facilityMonth(incident.detectedAt, zone) === month,
  );

  return (
    <>
      <div className="form-row">
        <TextField
          label={ti('report.month')}
          type="month"
          value={month}
          onChange={(event) => setMonth(event.target.value)}
          hint={ti('report.threshold', { minutes: thresholdMinutes })}
        />
      </div>
      {report ? (
        <section aria-labelledby="report-title">
          <h2 id="report-title">{title}</h2>
          {report.incomplete.length > 0 ? (
            <Notice tone="warning" title={ti('report.incompleteTitle')}>
              <ul>
                {report.incomplete.map(({ incident, number, missing }) => (
                  <li key={incident.id}>
                    <a href={paths.incident(incident.id)} onClick={onLinkClick}>
                      {number}
                    </a>
                    {`: ${missing.map((field) => ti(MISSING_LABEL[field])).join(', ')}`}
                  </li>
                ))}
              </ul>
            </Notice>
          ) : null}
          <MonthlyReportTable report={report} paper={false} />
          <div className="form-actions">
            <Button variant="primary" onClick={() => print('a4', { document: 'downtime_report' })}>
              {ti('report.print')}
            </Button>
            <Button
              onClick={() => downloadText(`laporan-downtime-${month}.csv`, downtimeReportToCsv(report))}
            >
              {ti('report.csv')}
            </Button>
          </div>
          <PrintArea paper="a4">
            <header className="paper-sheet__header">
              <p>{config.facility.name}</p>
              <h1>{title}</h1>
            </header>
            <MonthlyReportTable report={report} paper />
            <p>{ti('report.paperNote', { minutes: thresholdMinutes })}</p>
          </PrintArea>
        </section>
      ) : (
        <p className="field__error">{ti('report.monthInvalid')}</p>
      )}
      {validMonth ? <DrillsOfMonth drills={drills} incidents={incidents} steps={sopSteps(config)} /> : null}
      {validMonth ? (
        <YearlyOverview
          year={year}
          months={buildYearlyOverview({ year, incidents, sheets, thresholdMinutes, zone })}
        />
      ) : null}
    </>
  );
}

/** The monthly downtime log in the hospital's layout (print, CSV), drills apart, the year's charts. */
export function IncidentReportScreen() {
  const ti = useIncidentT();
  return (
    <>
      <a className="button button--quiet" href={paths.incidents} onClick={onLinkClick}>
        {ti('detail.back')}
      </a>
      <h1>{ti('report.title')}</h1>
      <p className="lead">{ti('report.lead')}</p>
      <DeviceGate>{({ config }) => <Report config={config} />}</DeviceGate>
    </>
  );
}

import type { FacilityTimeZone, SopStep } from '../config/runtimeConfigSchema';
import type { Actor } from '../events/envelope';
import type { DowntimeLogSheet, Incident } from '../projections/types';
import { facilityClock, facilityDate } from '../time/facilityTime';
import type { DowntimeQuirk } from './downtimeLogImport';
import { buildMonthlyReport, type DowntimeLogRow, type MonthlyDowntimeReport } from './downtimeReport';
import { downtimeMinutes, incidentNumber, incidentNumbers, responseSeconds } from './incidentRules';

const MINUTE_MS = 60_000;

/** Where a line of the monthly report comes from: an incident recorded in Siaga, or a past log. */
export type ReportSource =
  | { kind: 'incident'; incidentId: string; number: string }
  | {
      kind: 'imported';
      sheetId: string;
      line: number;
      fixed: string[];
      acceptedQuirks: DowntimeQuirk[];
    };

export type ReportRow = DowntimeLogRow & { source: ReportSource };

/** What an incident still lacks for the monthly log (Waktu Permintaan, Waktu Respon, Uraian). */
export type MissingLogField = 'requestedAt' | 'respondedAt' | 'workDescription';

export function missingLogFields(incident: Incident): MissingLogField[] {
  const missing: MissingLogField[] = [];
  if (!incident.requestedAt) missing.push('requestedAt');
  if (!incident.respondedAt) missing.push('respondedAt');
  if (!incident.workDescription) missing.push('workDescription');
  return missing;
}

/** `2026-11`: the facility month of an instant. */
export const facilityMonth = (at: string, zone: FacilityTimeZone) => facilityDate(at, zone).slice(0, 7);

/**
 * An incident as a row of the hospital's log: the date and clock times of the request and the
 * response in the facility zone, and the duration between the two instants (so a response the
 * next day counts in full). Undefined until both times are known.
 */
export function incidentLogRow(
  incident: Incident,
  incidents: readonly Incident[],
  zone: FacilityTimeZone,
  number = incidentNumber(incident, incidents, zone),
): ReportRow | undefined {
  const seconds = responseSeconds(incident);
  if (seconds === undefined || !incident.requestedAt || !incident.respondedAt) return undefined;
  return {
    date: facilityDate(incident.requestedAt, zone),
    unit: incident.unit,
    requestTime: facilityClock(incident.requestedAt, zone),
    responseTime: facilityClock(incident.respondedAt, zone),
    durationSeconds: Math.max(0, seconds),
    description: incident.workDescription ?? '',
    source: { kind: 'incident', incidentId: incident.id, number },
  };
}

function importedRows(sheet: DowntimeLogSheet): ReportRow[] {
  return sheet.rows.map(({ line, fixed, acceptedQuirks, ...row }) => ({
    ...row,
    source: {
      kind: 'imported',
      sheetId: sheet.id,
      line,
      fixed: fixed ?? [],
      acceptedQuirks: acceptedQuirks ?? [],
    },
  }));
}

export type IncidentMonthReport = MonthlyDowntimeReport<ReportRow> & {
  /** The month's real incidents that cannot be a line yet, or lack the work description. */
  incomplete: { incident: Incident; number: string; missing: MissingLogField[] }[];
  /** The imported sheet of the month, if any (withdrawn ones are not reported). */
  sheet: DowntimeLogSheet | undefined;
};

/**
 * The hospital's monthly downtime log from Siaga's incidents (the repair requests made in the
 * month, drills left out) and the month's imported past sheet, in one table with one set of totals.
 */
export function buildIncidentMonthReport(input: {
  month: string;
  incidents: readonly Incident[];
  sheets: readonly DowntimeLogSheet[];
  thresholdMinutes: number;
  zone: FacilityTimeZone;
}): IncidentMonthReport {
  const { month, incidents, zone } = input;
  const real = incidents.filter((incident) => !incident.drill);
  const sheet = input.sheets.find((candidate) => candidate.month === month && !candidate.withdrawn);
  const rows: ReportRow[] = sheet ? importedRows(sheet) : [];
  const numbers = incidentNumbers(incidents, zone);
  const numberOf = (incident: Incident) =>
    numbers.get(incident.id) ?? incidentNumber(incident, incidents, zone);
  for (const incident of real) {
    if (!incident.requestedAt || facilityMonth(incident.requestedAt, zone) !== month) continue;
    const row = incidentLogRow(incident, incidents, zone, numberOf(incident));
    if (row) rows.push(row);
  }
  const incomplete = real
    .filter((incident) => {
      const at = incident.requestedAt ?? incident.detectedAt;
      return facilityMonth(at, zone) === month && missingLogFields(incident).length > 0;
    })
    .map((incident) => ({
      incident,
      number: numberOf(incident),
      missing: missingLogFields(incident),
    }));
  return {
    ...buildMonthlyReport({ month, rows, thresholdMinutes: input.thresholdMinutes }),
    incomplete,
    sheet,
  };
}

/** The middle value (the mean of the two middle ones, rounded down, for an even count). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.floor((sorted[middle - 1]! + sorted[middle]!) / 2);
}

export type MonthOverview = {
  month: string;
  /** Lines of the month's log (incidents and imported rows). */
  repairs: number;
  onTime: number;
  percentOnTime: number | null;
  medianResponseSeconds: number | null;
  /** Real incidents detected in the month. */
  incidents: number;
  /** Downtime of the month's closed real incidents; imported logs do not record it. */
  downtimeMinutes: number;
  /** Some lines come from an imported past log. */
  imported: boolean;
};

/** The year at a glance, month by month: what the yearly charts draw. */
export function buildYearlyOverview(input: {
  year: number;
  incidents: readonly Incident[];
  sheets: readonly DowntimeLogSheet[];
  thresholdMinutes: number;
  zone: FacilityTimeZone;
}): MonthOverview[] {
  const real = input.incidents.filter((incident) => !incident.drill);
  return Array.from({ length: 12 }, (_, index) => {
    const month = `${input.year}-${String(index + 1).padStart(2, '0')}`;
    const report = buildIncidentMonthReport({ ...input, month });
    const detected = real.filter((incident) => facilityMonth(incident.detectedAt, input.zone) === month);
    return {
      month,
      repairs: report.totalRepairs,
      onTime: report.totalOnTime,
      percentOnTime: report.percentOnTime,
      medianResponseSeconds: median(report.lines.map((line) => line.row.durationSeconds)),
      incidents: detected.length,
      downtimeMinutes: detected.reduce((sum, incident) => sum + (downtimeMinutes(incident) ?? 0), 0),
      imported: report.sheet !== undefined,
    };
  });
}

export type StepTiming = {
  step: SopStep;
  /** The first tick of the step (any unit) that still stands. */
  doneAt?: string;
  by?: Actor;
  unit?: string;
  /** Whole minutes from the start of the incident (or drill). */
  minutesFromStart?: number;
  /** Whole minutes since the step done just before it in time (or since the start): how long it took. */
  minutesTaken?: number;
};

/** How long each SOP step took in an incident or drill, in the SOP's order. */
export function stepTimings(incident: Incident, steps: readonly SopStep[]): StepTiming[] {
  const start = Date.parse(incident.detectedAt);
  const firstDone = new Map<string, Incident['steps'][number]>();
  for (const state of incident.steps) {
    if (!state.done) continue;
    const known = firstDone.get(state.stepId);
    if (!known || Date.parse(state.at) < Date.parse(known.at)) firstDone.set(state.stepId, state);
  }
  const doneTimes = [...firstDone.values()].map((state) => Date.parse(state.at)).sort((a, b) => a - b);
  return steps.map((step) => {
    const state = firstDone.get(step.id);
    if (!state) return { step };
    const at = Date.parse(state.at);
    const previous = doneTimes.filter((time) => time < at).at(-1) ?? start;
    return {
      step,
      doneAt: state.at,
      by: state.by,
      ...(state.unit ? { unit: state.unit } : {}),
      minutesFromStart: Math.floor((at - start) / MINUTE_MS),
      minutesTaken: Math.max(0, Math.floor((at - previous) / MINUTE_MS)),
    };
  });
}

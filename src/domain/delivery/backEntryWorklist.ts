import { CSV_BOM, CSV_DELIMITER, csvField } from '../incidents/downtimeReport';
import type { PlannedVisit } from './planVisitDeliveries';
import type { Stamp } from './simrsDocument';

/** What a records officer types into a SIMRS without integration, one step at a time. */
export const BACK_ENTRY_KINDS = [
  'register_patient',
  'register_visit',
  'request_record',
  'service_start',
  'vitals',
  'diagnosis',
  'service_end',
  'cancel_visit',
] as const;
export type BackEntryKind = (typeof BACK_ENTRY_KINDS)[number];

export type BackEntryRow = {
  /** Stable across reloads and devices: the visit and what to type. */
  rowId: string;
  kind: BackEntryKind;
  /** When it really happened: the time to type into the SIMRS (SOP). */
  at: Stamp;
  visitId: string;
  queueNumber: string;
  poliCode: string;
  doctorCode: string;
  patientName: string;
  mrn?: string | undefined;
  tempNumber?: string | undefined;
  /**
   * The values to type, as `label value` pairs (vitals, diagnoses, payer…), untranslated codes;
   * numbers written canonically (`37.5`): `backEntryDetailsText` writes them for a reader.
   */
  details: Record<string, string>;
};

/** Details that hold a number, shown in the reader's language (`suhu 37,5` in Indonesian). */
const NUMBER_DETAILS: ReadonlySet<string> = new Set(['nadi', 'napas', 'suhu', 'spo2']);

/** A row's details as one line for a screen, a printout or a spreadsheet cell. */
export function backEntryDetailsText(
  details: Readonly<Record<string, string>>,
  number: (value: number) => string,
): string {
  return Object.entries(details)
    .map(([key, value]) => {
      const numeric = NUMBER_DETAILS.has(key) ? Number(value) : Number.NaN;
      return `${key} ${Number.isFinite(numeric) ? number(numeric) : value}`;
    })
    .join(', ');
}

const orderOf = (kind: BackEntryKind) => BACK_ENTRY_KINDS.indexOf(kind);

/**
 * The back-entry worklist of an incident (issue 7, SOP "enter the data according to the time the
 * service actually happened"): for each visit registered in the window, the rows to type, all of
 * them in real-time order across visits. Voided steps are already gone from the documents.
 */
export function backEntryRows(planned: readonly PlannedVisit[], from: string, to: string): BackEntryRow[] {
  const start = Date.parse(from);
  const end = Date.parse(to);
  const rows: BackEntryRow[] = [];
  for (const { visitId, document } of planned) {
    const { visit, patient, slips, assessment } = document;
    const registered = Date.parse(visit.registeredAt.utc);
    if (registered < start || registered > end) continue;
    const row = (kind: BackEntryKind, at: Stamp, details: Record<string, string> = {}, suffix = '') =>
      rows.push({
        rowId: `${visitId}:${kind}${suffix}`,
        kind,
        at,
        visitId,
        queueNumber: visit.queueNumber,
        poliCode: visit.poliCode,
        doctorCode: visit.doctorCode,
        patientName: patient.name,
        ...(patient.mrn ? { mrn: patient.mrn } : {}),
        ...(patient.tempNumber ? { tempNumber: patient.tempNumber } : {}),
        details,
      });
    if (patient.kind !== 'returning')
      row('register_patient', visit.arrivedAt, {
        ...(patient.nik ? { nik: patient.nik } : {}),
        ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
        sex: patient.sex,
      });
    row('register_visit', visit.registeredAt, {
      payer: visit.payer.type,
      ...(visit.payer.type === 'bpjs' ? { bpjsCardNo: visit.payer.cardNo } : {}),
      visitType: visit.visitType,
    });
    for (const slip of slips)
      row('request_record', slip.requestedAt, { slipNo: slip.slipNo }, `:${slip.localId}`);
    if (visit.serviceStartedAt) row('service_start', visit.serviceStartedAt);
    if (assessment) {
      const { vitals, diagnoses } = assessment.content;
      // The SIMRS asks who measured (the signer, often the nurse) and which doctor examined:
      // two people, never one written for the other.
      row('vitals', assessment.completedAt, {
        td: `${vitals.systolic}/${vitals.diastolic}`,
        nadi: String(vitals.pulse),
        napas: String(vitals.respiratoryRate),
        suhu: String(vitals.temperature),
        ...(vitals.spo2 !== undefined ? { spo2: String(vitals.spo2) } : {}),
        petugas: assessment.signedBy.name,
      });
      if (diagnoses.length > 0)
        row('diagnosis', assessment.completedAt, {
          icd10: diagnoses.map((diagnosis) => `${diagnosis.code} ${diagnosis.text}`).join('; '),
          dokter: assessment.clinician.name,
        });
    }
    if (visit.serviceEndedAt) row('service_end', visit.serviceEndedAt);
    if (visit.status === 'cancelled') {
      const cancelled = document.timeline.find((entry) => entry.type === 'visit.cancelled');
      if (cancelled)
        row('cancel_visit', cancelled.at, visit.cancelReason ? { reason: visit.cancelReason } : {});
    }
  }
  return rows.sort(
    (a, b) =>
      Date.parse(a.at.utc) - Date.parse(b.at.utc) ||
      orderOf(a.kind) - orderOf(b.kind) ||
      (a.rowId < b.rowId ? -1 : 1),
  );
}

/** The worklist for Excel: UTF-8 with BOM, `;`, CRLF, labels given by the caller (the UI's language). */
export function backEntryCsv(
  rows: readonly BackEntryRow[],
  labels: {
    header: readonly string[];
    kind: (kind: BackEntryKind) => string;
    done: (rowId: string) => boolean;
    /** Numbers as the reader writes them (the spreadsheet is opened in the UI's language). */
    number: (value: number) => string;
  },
): string {
  const lines = [
    labels.header.map((cell) => csvField(cell)).join(CSV_DELIMITER),
    ...rows.map((row, index) =>
      [
        String(index + 1),
        row.at.local.slice(0, 16).replace('T', ' '),
        labels.kind(row.kind),
        row.queueNumber,
        csvField(row.patientName, true),
        row.mrn ?? row.tempNumber ?? '',
        row.poliCode,
        csvField(backEntryDetailsText(row.details, labels.number), true),
        labels.done(row.rowId) ? '✓' : '',
      ].join(CSV_DELIMITER),
    ),
  ];
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}

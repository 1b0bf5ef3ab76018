import type { MessageKey } from '@/i18n';

/** One editable value inside an event payload, with its path (`payer.cardNo`, `diagnoses.0.code`). */
export type PayloadLeaf = { path: string; value: string | number | boolean | null };

/**
 * Payload parts no screen ever shows: an account's passphrase verifier and its KDF salt are key
 * material, useless to correct and harmful to display.
 */
const SECRET_FIELDS: ReadonlySet<string> = new Set(['credentials']);

/** Every leaf value of a payload, in document order, without its secrets. */
export function payloadLeaves(value: unknown, prefix = ''): PayloadLeaf[] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SECRET_FIELDS.has(key))
      .flatMap(([key, inner]) => payloadLeaves(inner, prefix ? `${prefix}.${key}` : key));
  }
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value === null
  ) {
    return [{ path: prefix, value }];
  }
  return [];
}

/**
 * The payload with edited leaves replaced, each parsed as the type it had (a number stays a
 * number, `true`/`false` a boolean); an empty text for a string leaf removes the field.
 */
export function withEdits(payload: unknown, edits: ReadonlyMap<string, string>): unknown {
  const copy = structuredClone(payload) as Record<string, unknown>;
  for (const [path, text] of edits) {
    const keys = path.split('.');
    const last = keys.pop()!;
    const parent = keys.reduce<Record<string, unknown>>(
      (node, key) => node[key] as Record<string, unknown>,
      copy,
    );
    const original = parent[last];
    if (typeof original === 'number')
      parent[last] = text.trim() === '' ? Number.NaN : Number(text.replace(',', '.'));
    else if (typeof original === 'boolean') parent[last] = text === 'true';
    else if (text === '') delete parent[last];
    else parent[last] = text;
  }
  return copy;
}

/** Names a person knows for the payload fields that occur most; other fields show their path. */
export const FIELD_LABEL: Readonly<Record<string, MessageKey>> = {
  mrn: 'patient.mrn',
  nik: 'patient.nik',
  name: 'patient.name',
  birthDate: 'patient.birthDate',
  estimatedAgeYears: 'patient.estimatedAge',
  sex: 'patient.sex',
  phone: 'patient.phone',
  address: 'patient.address',
  description: 'patient.description',
  bpjsCardNo: 'visit.bpjsCardNo',
  poliCode: 'visit.poli',
  doctorCode: 'visit.doctor',
  'payer.type': 'visit.payer',
  'payer.cardNo': 'visit.bpjsCardNo',
  'payer.bookingCode': 'visit.bookingCode',
  'payer.referralNo': 'visit.referralNo',
  'payer.insurerName': 'visit.insurerName',
  'payer.policyNo': 'visit.policyNo',
  arrivedAt: 'registration.arrivedAt',
  admissionStartedAt: 'taskBasis.admissionStart',
  visitType: 'review.field.visitType',
  serviceDate: 'review.field.serviceDate',
};

/**
 * Fields that identify rather than describe (ids, the ticket and temporary number the patient
 * already holds on paper, the kind of record): a correction keeps them, unless the hub refused
 * exactly that field.
 */
export function isEditable(path: string, refusedField: string | undefined): boolean {
  if (path === refusedField) return true;
  const last = path.split('.').pop() ?? path;
  return !(
    last === 'id' ||
    last.endsWith('Id') ||
    path.startsWith('ticket.') ||
    last === 'tempNumber' ||
    last === 'kind'
  );
}

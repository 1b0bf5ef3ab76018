import {
  credentialsDigest,
  ENTITY_KIND_OF_TYPE,
  hasRight,
  requiredRight,
  RM12_TEMPLATE,
  ROLES,
  type DomainEvent,
  type EntityKind,
  type EventType,
  type OwnKindEventType,
  type PassphraseVerifier,
  type PayloadOf,
} from '@/domain';
import { uuidv7 } from '@/lib/ids';
import { eventAs } from './eventFactory';
import { RM12_SAMPLE } from './rm12Sample';

/** The other entities a sample names (fresh ids unless given). */
export type SampleReferences = { patientId?: string; visitId?: string; slipId?: string };

/**
 * Account secrets of the right shape, with the digest the hub checks [P34] (no passphrase behind
 * them: nobody signs in with a sample).
 */
const SAMPLE_CREDENTIALS: PassphraseVerifier = {
  kdf: { algorithm: 'PBKDF2-SHA256', iterations: 600_000, salt: 'S'.repeat(22) },
  verifier: 'V'.repeat(43),
  signingKeyBox: { iv: 'I'.repeat(16), ct: 'C'.repeat(120) },
};
const SAMPLE_SECRETS = {
  credentials: SAMPLE_CREDENTIALS,
  credentialsDigest: await credentialsDigest(SAMPLE_CREDENTIALS),
};

/** A public key of the right shape, new each time (a key belongs to one account); never used to verify. */
function samplePublicKey(): string {
  const point = crypto.getRandomValues(new Uint8Array(65));
  point[0] = 4;
  return Buffer.from(point).toString('base64url');
}

let usernames = 0;

/**
 * A valid payload for every event type, as a device could make it: the record a poison test
 * points at the wrong entity. `eventType` is the type a void withdraws.
 */
function samplePayloads(
  references: Required<SampleReferences>,
  eventType: OwnKindEventType,
): { [T in EventType]: () => PayloadOf<T> } {
  const { patientId, visitId, slipId } = references;
  const signed = {
    visitId,
    template: RM12_TEMPLATE,
    version: 1,
    content: RM12_SAMPLE,
    startedAt: '2026-11-22T09:00:00.000+07:00',
    completedAt: '2026-11-22T09:10:00.000+07:00',
    clinician: { doctorCode: 'D001', name: 'dr. Ratna Sari' },
    attestation: true as const,
  };
  return {
    'patient.registered': () => ({
      kind: 'returning',
      mrn: '204455',
      name: 'Pasien Sampel',
      sex: 'P',
      birthDate: '1980-02-03',
      identityVerifiedBy: 'ktp',
    }),
    'patient.corrected': () => ({ changes: { name: 'Pasien Sampel Benar' }, reason: 'Salah ketik nama' }),
    'patient.mrn_mapped': () => ({ mrn: '204456', basis: 'entered', candidatesShown: 0 }),
    'visit.registered': () => ({
      patientId,
      poliCode: 'UMU',
      doctorCode: 'D001',
      visitType: 'lama',
      payer: { type: 'umum' },
      ticket: { prefix: 'A', deviceCode: 'PD1', sequence: 1 },
      serviceDate: '2026-11-22',
      arrivedAt: '2026-11-22T08:00:00.000+07:00',
    }),
    'visit.cancelled': () => ({ reason: 'Pasien pulang' }),
    'queue.called': () => ({}),
    'queue.recalled': () => ({}),
    'queue.skipped': () => ({}),
    'queue.service_started': () => ({}),
    'queue.service_ended': () => ({}),
    'queue.no_show': () => ({}),
    'slip.requested': () => ({
      slipNo: 'BON-PD1-261122-001',
      visitId,
      patientId,
      mrn: '204455',
      poliCode: 'UMU',
      serviceDate: '2026-11-22',
      automatic: true,
    }),
    'slip.found': () => ({ source: 'paper_folder' }),
    'slip.not_found': () => ({}),
    'slip.sent': () => ({ rm12BlankIssued: true }),
    'slip.received': () => ({}),
    'slip.returned': () => ({}),
    'slip.cancelled': () => ({ reason: 'Kunjungan batal' }),
    'assessment.signed': () => signed,
    'assessment.amended': () => ({ ...signed, version: 2, reason: 'Tekanan darah salah tulis' }),
    'event.voided': () => ({ eventId: uuidv7(), eventType, reason: 'Tercatat dua kali' }),
    'user.created': () => ({
      username: `sampel${(usernames += 1)}`,
      displayName: 'Petugas Sampel',
      role: 'registration',
      signingKey: samplePublicKey(),
      ...SAMPLE_SECRETS,
    }),
    'user.changed': () => ({ active: true }),
    'user.passphrase_set': () => ({ signingKey: samplePublicKey(), ...SAMPLE_SECRETS }),
    'audit.recorded': () => ({ action: 'visit_viewed', visitId, patientId }),
    'incident.opened': () => ({
      detection: 'manual',
      detectedAt: '2026-11-22T07:30:00.000+07:00',
      unit: 'Pendaftaran',
      scope: 'hospital',
      cause: 'unknown',
      drill: false,
    }),
    'incident.updated': () => ({ cause: 'network' }),
    'incident.step_done': () => ({ stepId: 'cek-jaringan' }),
    'incident.step_undone': () => ({ stepId: 'cek-jaringan' }),
    'incident.closed': () => ({
      restoredAt: '2026-11-22T10:00:00.000+07:00',
      confirmedBy: 'Andi Teknisi',
    }),
    'incident.drill_cleared': () => ({}),
    'incident.reconciled': () => ({
      target: 'simrs',
      visits: 0,
      delivered: 0,
      notDelivered: 0,
      voided: 0,
      note: 'Sampel',
    }),
    'incident.backentry_marked': () => ({ rowId: `${visitId}:request_record:${slipId}`, done: true }),
    'downtime_log.imported': () => ({
      month: '2023-01',
      rows: [
        {
          line: 2,
          date: '2023-01-04',
          unit: 'Instalasi Rekam Medis',
          requestTime: '10:06',
          responseTime: '10:09',
          durationSeconds: 180,
          description: 'Pemindahan jaringan',
        },
      ],
    }),
    'downtime_log.withdrawn': () => ({ reason: 'Salah bulan' }),
    'delivery.started': () => ({ target: 'simrs' }),
    'delivery.paused': () => ({ target: 'simrs' }),
    'delivery.retried': () => ({ target: 'simrs' }),
  };
}

/** The first role holding the right this very event needs (a void: `correct` in what it voids). */
function roleFor(type: EventType, payload: unknown) {
  const { workflow, right } = requiredRight({ type, payload } as DomainEvent);
  return ROLES.find((candidate) => hasRight(candidate, workflow, right));
}

/**
 * A valid event of any type on `entityId`, by the first role allowed to make it (`eventAt`). A
 * void withdraws an event of `voids` (by default the creation of a visit).
 */
export function sampleEvent(
  type: EventType,
  entityId: string,
  options: SampleReferences & { voids?: OwnKindEventType; time?: string } = {},
): DomainEvent {
  const references = {
    patientId: options.patientId ?? uuidv7(),
    visitId: options.visitId ?? uuidv7(),
    slipId: options.slipId ?? uuidv7(),
  };
  const payload = samplePayloads(references, options.voids ?? 'visit.registered')[type]();
  return eventAs(roleFor(type, payload)!, type, entityId, options.time ?? '10:00', payload);
}

/** The event that makes an entity of each kind, as the first event the hub sees of it. */
export const CREATION_OF_KIND: { readonly [K in EntityKind]: OwnKindEventType } = {
  patient: 'patient.registered',
  visit: 'visit.registered',
  slip: 'slip.requested',
  assessment: 'assessment.signed',
  account: 'user.created',
  incident: 'incident.opened',
  downtime_log: 'downtime_log.imported',
  audit_entry: 'audit.recorded',
  delivery_decision: 'delivery.paused',
};

/**
 * Every event type with its entity's kind; a void once per kind whose creation someone may void
 * (its `eventType` pattern leaves out `downtime_log.*`, and nobody voids an audit entry).
 */
export function typesWithKinds(): { type: EventType; kind: EntityKind; voids?: OwnKindEventType }[] {
  return [
    ...(Object.entries(ENTITY_KIND_OF_TYPE) as [OwnKindEventType, EntityKind][]).map(([type, kind]) => ({
      type,
      kind,
    })),
    ...(Object.entries(CREATION_OF_KIND) as [EntityKind, OwnKindEventType][])
      .filter(([, voids]) => /^[a-z]+\.[a-z_]+$/.test(voids) && roleFor('event.voided', { eventType: voids }))
      .map(([kind, voids]) => ({ type: 'event.voided' as const, kind, voids })),
  ];
}

import { createHash, randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { canonicalJson } from '@/lib/canonicalJson';
import {
  simrsPatientBodySchema,
  simrsPatientSearchBodySchema,
  simrsVisitBodySchema,
} from '@/domain/delivery/simrsContract';

/**
 * A SIMRS SIMULATOR — not a SIMRS. It implements the REST contract of `docs/simrs-api.md` on its
 * own SQLite file so that a newcomer can rehearse a whole outage (`npm start` runs it in demo
 * mode) and the tests can break it on purpose. It numbers visits the way SIMRS Khanza does
 * (`YYYY/MM/DD/000001`, MAX+1 per day at insert time), so the order in which visits arrive is
 * visible in their numbers, and mints MRNs as six digits from a counter.
 */

export type SimulatorFaults = {
  /** Random source (seeded in tests). */
  random: () => number;
  /** Share of write requests answered 503 before doing anything. */
  serverErrorRate?: number;
  /** Share of write requests never answered (the client times out); nothing is done. */
  timeoutRate?: number;
  /** Share of write requests whose work is committed but whose answer is lost (socket closed). */
  lostAnswerRate?: number;
};

export type SimulatorStats = {
  writes: number;
  replayed: number;
  error: number;
  timeout: number;
  lost: number;
};

export type SimrsSimulator = {
  app: FastifyInstance;
  /** The SIMRS stops answering (connections are reset) or answers again: the outage, on demand. */
  setDown: (down: boolean) => void;
  isDown: () => boolean;
  setFaults: (faults: SimulatorFaults | undefined) => void;
  /** Every visit as stored, by visit number (what the fault test compares). */
  visits: () => { visitNumber: string; localId: string; mrn: string; document: unknown; writes: number }[];
  patients: () => { mrn: string; localId: string | null; nik: string | null; name: string }[];
  /** What happened to write requests since start: faults injected, answers replayed. */
  stats: () => SimulatorStats;
  close: () => Promise<void>;
};

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS patients (
    mrn        TEXT PRIMARY KEY,
    local_id   TEXT UNIQUE,
    nik        TEXT,
    name       TEXT NOT NULL,
    birth_date TEXT,
    sex        TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS patients_nik ON patients (nik);
  CREATE TABLE IF NOT EXISTS visits (
    visit_number TEXT PRIMARY KEY,
    local_id     TEXT NOT NULL UNIQUE,
    mrn          TEXT NOT NULL REFERENCES patients (mrn),
    service_date TEXT NOT NULL,
    document     TEXT NOT NULL,
    writes       INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS idempotency (
    key        TEXT PRIMARY KEY,
    body_hash  TEXT NOT NULL,
    status     INTEGER NOT NULL,
    answer     TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
`;

type Answer = { status: number; body: unknown };

const errorBody = (code: string, message: string, field?: string) => ({
  error: { code, message, ...(field ? { field } : {}) },
});

/** The simulator's HTTP app on its own SQLite file. Not listening yet: the caller decides where. */
export function createSimrsSimulator(options: {
  dbFile: string;
  token: string;
  now?: () => Date;
  faults?: SimulatorFaults;
}): SimrsSimulator {
  if (options.dbFile !== ':memory:') mkdirSync(dirname(options.dbFile), { recursive: true });
  const db = new Database(options.dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(SCHEMA);
  const now = options.now ?? (() => new Date());
  let down = false;
  let faults = options.faults;
  const stats: SimulatorStats = { writes: 0, replayed: 0, error: 0, timeout: 0, lost: 0 };

  // Requests left hanging on purpose (the timeout fault) must not hold up closing.
  const app = Fastify({ logger: false, bodyLimit: 4 * 1024 * 1024, forceCloseConnections: true });

  // Down: the connection is reset, as when the SIMRS server is off or unreachable.
  app.addHook('onRequest', async (request, reply) => {
    if (!down) return undefined;
    reply.hijack();
    request.raw.socket.destroy();
    return reply;
  });

  const authorised = (request: FastifyRequest, reply: FastifyReply): boolean => {
    if (request.headers.authorization === `Bearer ${options.token}`) return true;
    void reply.status(401).send(errorBody('unauthorized', 'A valid bearer token is required.'));
    return false;
  };

  const nextValue = db.prepare<[string], { value: number }>(
    `INSERT INTO counters (name, value) VALUES (?, 1)
     ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
  );
  const findIdempotent = db.prepare<[string], { body_hash: string; status: number; answer: string }>(
    'SELECT body_hash, status, answer FROM idempotency WHERE key = ?',
  );
  const saveIdempotent = db.prepare(
    'INSERT INTO idempotency (key, body_hash, status, answer, created_at) VALUES (?, ?, ?, ?, ?)',
  );

  /**
   * Runs a write once per Idempotency-Key: the same key with the same body gets the stored answer
   * again (a retry after a lost answer); with another body it is refused. The work and its answer
   * are committed together.
   */
  function idempotent(key: string, body: unknown, work: () => Answer): Answer {
    const bodyHash = createHash('sha256').update(canonicalJson(body)).digest('hex');
    return db.transaction((): Answer => {
      const seen = findIdempotent.get(key);
      if (seen) {
        if (seen.body_hash !== bodyHash)
          return {
            status: 422,
            body: errorBody('idempotency_key_reused', 'This Idempotency-Key was used for another request.'),
          };
        stats.replayed += 1;
        return { status: seen.status, body: JSON.parse(seen.answer) as unknown };
      }
      const answer = work();
      if (answer.status < 300)
        saveIdempotent.run(key, bodyHash, answer.status, JSON.stringify(answer.body), now().toISOString());
      return answer;
    })();
  }

  /** Injected faults for writes; `undefined` when the request should go ahead. */
  function fault(): 'error' | 'timeout' | 'lost' | undefined {
    if (!faults) return undefined;
    const roll = faults.random();
    const error = faults.serverErrorRate ?? 0;
    const timeout = faults.timeoutRate ?? 0;
    const lost = faults.lostAnswerRate ?? 0;
    if (roll < error) return 'error';
    if (roll < error + timeout) return 'timeout';
    if (roll < error + timeout + lost) return 'lost';
    return undefined;
  }

  async function write(
    request: FastifyRequest,
    reply: FastifyReply,
    run: () => Answer,
  ): Promise<FastifyReply | undefined> {
    if (!authorised(request, reply)) return reply;
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string' || key.length < 8 || key.length > 200)
      return reply.status(400).send(errorBody('idempotency_key_required', 'Send an Idempotency-Key header.'));
    const injected = fault();
    stats.writes += 1;
    if (injected) stats[injected] += 1;
    if (injected === 'error')
      return reply.status(503).send(errorBody('unavailable', 'The simulator is pretending to be busy.'));
    if (injected === 'timeout') return new Promise<undefined>(() => undefined); // never answered
    const answer = idempotent(key, request.body, run);
    if (injected === 'lost') {
      request.raw.socket.destroy(); // committed, but the answer never arrives
      return reply;
    }
    return reply.status(answer.status).send(answer.body);
  }

  const insertPatient = db.prepare(
    'INSERT INTO patients (mrn, local_id, nik, name, birth_date, sex, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const patientByMrn = db.prepare<[string], { mrn: string }>('SELECT mrn FROM patients WHERE mrn = ?');
  const patientByLocalId = db.prepare<[string], { mrn: string }>(
    'SELECT mrn FROM patients WHERE local_id = ?',
  );

  app.get('/health', (_request, reply) => reply.send({ status: 'ok', simulator: true }));

  app.post('/api/patients', async (request, reply) =>
    write(request, reply, () => {
      const parsed = simrsPatientBodySchema.safeParse(request.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return {
          status: 422,
          body: errorBody('invalid_patient', 'The patient is not valid.', issue?.path.join('.')),
        };
      }
      const { patient } = parsed.data;
      const existing = patientByLocalId.get(patient.localId);
      if (existing) return { status: 200, body: { mrn: existing.mrn, patientLocalId: patient.localId } };
      const mrn = String(100_000 + nextValue.get('mrn')!.value).padStart(6, '0');
      insertPatient.run(
        mrn,
        patient.localId,
        patient.nik ?? null,
        patient.name,
        patient.birthDate ?? null,
        patient.sex,
        now().toISOString(),
      );
      return { status: 201, body: { mrn, patientLocalId: patient.localId } };
    }),
  );

  // A search, not a write: no Idempotency-Key. POST so that NIKs never appear in a URL.
  app.post('/api/patients/search', async (request, reply) => {
    if (!authorised(request, reply)) return reply;
    const parsed = simrsPatientSearchBodySchema.safeParse(request.body);
    if (!parsed.success)
      return reply.status(422).send(errorBody('invalid_search', 'Search by nik or by birthDate.'));
    const rows = db
      .prepare<
        [{ nik: string | null; birthDate: string | null }],
        { mrn: string; nik: string | null; name: string; birth_date: string | null; sex: string }
      >(
        `SELECT mrn, nik, name, birth_date, sex FROM patients
         WHERE (@nik IS NOT NULL AND nik = @nik) OR (@birthDate IS NOT NULL AND birth_date = @birthDate)
         ORDER BY mrn LIMIT 50`,
      )
      .all({ nik: parsed.data.nik ?? null, birthDate: parsed.data.birthDate ?? null });
    return {
      patients: rows.map((row) => ({
        mrn: row.mrn,
        nik: row.nik,
        name: row.name,
        birthDate: row.birth_date,
        sex: row.sex,
      })),
    };
  });

  const visitByLocalId = db.prepare<[string], { visit_number: string; writes: number }>(
    'SELECT visit_number, writes FROM visits WHERE local_id = ?',
  );
  const insertVisit = db.prepare(
    `INSERT INTO visits (visit_number, local_id, mrn, service_date, document, writes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const updateVisit = db.prepare(
    'UPDATE visits SET mrn = ?, document = ?, writes = writes + 1, updated_at = ? WHERE local_id = ?',
  );

  app.put('/api/visits/:localId', async (request, reply) =>
    write(request, reply, () => {
      const parsed = simrsVisitBodySchema.safeParse(request.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return {
          status: 422,
          body: errorBody('invalid_document', 'The visit document is not valid.', issue?.path.join('.')),
        };
      }
      const document = parsed.data;
      const { localId } = request.params as { localId: string };
      if (document.visit.localId !== localId)
        return {
          status: 422,
          body: errorBody(
            'invalid_document',
            'The path and the document name different visits.',
            'visit.localId',
          ),
        };
      const mrn = document.patient.mrn;
      if (!mrn)
        return {
          status: 422,
          body: errorBody('unknown_patient', 'The patient has no medical-record number yet.', 'patient.mrn'),
        };
      // A returning patient's MRN is the hospital's own: the simulator knows it from then on.
      if (!patientByMrn.get(mrn))
        insertPatient.run(
          mrn,
          null,
          document.patient.nik ?? null,
          document.patient.name,
          document.patient.birthDate ?? null,
          document.patient.sex,
          now().toISOString(),
        );
      const at = now().toISOString();
      const existing = visitByLocalId.get(localId);
      if (existing) {
        updateVisit.run(mrn, canonicalJson(document), at, localId);
        return { status: 200, body: { visitNumber: existing.visit_number, mrn, created: false } };
      }
      const sequence = nextValue.get(`visit:${document.visit.serviceDate}`)!.value;
      const visitNumber = `${document.visit.serviceDate.replaceAll('-', '/')}/${String(sequence).padStart(6, '0')}`;
      insertVisit.run(visitNumber, localId, mrn, document.visit.serviceDate, canonicalJson(document), at, at);
      return { status: 201, body: { visitNumber, mrn, created: true } };
    }),
  );

  return {
    app,
    setDown: (value) => {
      down = value;
    },
    isDown: () => down,
    setFaults: (value) => {
      faults = value;
    },
    visits: () =>
      db
        .prepare<
          [],
          { visit_number: string; local_id: string; mrn: string; document: string; writes: number }
        >('SELECT visit_number, local_id, mrn, document, writes FROM visits ORDER BY visit_number')
        .all()
        .map((row) => ({
          visitNumber: row.visit_number,
          localId: row.local_id,
          mrn: row.mrn,
          document: JSON.parse(row.document) as unknown,
          writes: row.writes,
        })),
    patients: () =>
      db
        .prepare<[], { mrn: string; local_id: string | null; nik: string | null; name: string }>(
          'SELECT mrn, local_id, nik, name FROM patients ORDER BY mrn',
        )
        .all()
        .map((row) => ({ mrn: row.mrn, localId: row.local_id, nik: row.nik, name: row.name })),
    stats: () => ({ ...stats }),
    close: async () => {
      await app.close();
      db.close();
    },
  };
}

/** A random token for the demo simulator (kept in the hub's delivery config, never in config.json). */
export function newSimulatorToken(): string {
  return Array.from({ length: 32 }, () => randomInt(16).toString(16)).join('');
}

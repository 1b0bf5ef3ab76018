/**
 * The hub's schema, one step per entry, applied in order and recorded in `schema_migrations`.
 * Never edit a migration that has shipped: add the next one.
 */
export type Migration = { version: number; name: string; sql: string };

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'hub_meta',
    sql: `
      CREATE TABLE hub_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      -- Identifies this hub's store; a device that finds a different id knows its pull cursor
      -- belongs to another store.
      INSERT INTO hub_meta (key, value) VALUES ('hub_id', lower(hex(randomblob(16))));
    `,
  },
  {
    version: 2,
    name: 'devices_and_events',
    sql: `
      -- Enrolled devices. Only a hash of each token is kept.
      CREATE TABLE devices (
        device_id   TEXT PRIMARY KEY,
        device_code TEXT NOT NULL,
        token_hash  TEXT NOT NULL UNIQUE,
        enrolled_at TEXT NOT NULL,
        revoked_at  TEXT
      ) STRICT;
      -- A device code belongs to one active device; a revoked device frees its code.
      CREATE UNIQUE INDEX devices_active_code ON devices (device_code) WHERE revoked_at IS NULL;

      CREATE TABLE enrollment_codes (
        code_hash  TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;

      -- The hub's journal: append-only, in arrival order (seq), never updated or deleted.
      CREATE TABLE events (
        seq          INTEGER PRIMARY KEY AUTOINCREMENT,
        id           TEXT NOT NULL UNIQUE,
        type         TEXT NOT NULL,
        entity_id    TEXT NOT NULL,
        device_id    TEXT NOT NULL,
        submitted_by TEXT NOT NULL REFERENCES devices (device_id),
        occurred_at  TEXT NOT NULL,
        received_at  TEXT NOT NULL,
        body         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX events_entity ON events (entity_id);

      CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
      CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    `,
  },
  {
    version: 3,
    name: 'security',
    sql: `
      -- A second, push-only token per device [P20]: usable while the device is locked.
      ALTER TABLE devices ADD COLUMN push_token_hash TEXT;
      CREATE UNIQUE INDEX devices_push_token ON devices (push_token_hash);

      -- Accounts, from the user.* events devices and IT send. The verifier checks a passphrase;
      -- it cannot unwrap any device's data.
      CREATE TABLE users (
        user_id      TEXT PRIMARY KEY,
        username     TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role         TEXT NOT NULL,
        active       INTEGER NOT NULL,
        credentials  TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;

      -- Each device's data key, sealed to the hub's own key by the device: lets a colleague sign
      -- in on that device for the first time (the hub checks the passphrase, then re-seals the
      -- key to the device).
      CREATE TABLE device_keys (
        device_id TEXT PRIMARY KEY,
        sealed    TEXT NOT NULL,
        stored_at TEXT NOT NULL
      ) STRICT;

      -- Signed-in IT admins for the admin endpoints; only token hashes are kept.
      CREATE TABLE admin_sessions (
        token_hash TEXT PRIMARY KEY,
        user_id    TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'admin_sessions_and_device_contact',
    sql: `
      -- Admin sessions [P23] end 30 minutes after their last use and 8 hours after sign-in, so the
      -- last use is kept too. Version 3's table was never written to; sessions are short-lived by
      -- nature, so it is replaced rather than altered.
      DROP TABLE admin_sessions;
      CREATE TABLE admin_sessions (
        token_hash   TEXT PRIMARY KEY,
        user_id      TEXT NOT NULL REFERENCES users (user_id),
        created_at   TEXT NOT NULL,
        last_used_at TEXT NOT NULL,
        -- Absolute end: created_at + 8 h, whatever the activity.
        expires_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX admin_sessions_user ON admin_sessions (user_id);

      -- When a device last reached the hub with one of its tokens (written at most once a minute).
      ALTER TABLE devices ADD COLUMN last_seen_at TEXT;

      -- Codes IT issues on the admin endpoints enroll one device; the console code stays reusable
      -- until it expires.
      ALTER TABLE enrollment_codes ADD COLUMN single_use INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE enrollment_codes ADD COLUMN used_at TEXT;

      -- The audit trail is read by type, newest first.
      CREATE INDEX events_type_seq ON events (type, seq);
    `,
  },
  {
    version: 5,
    name: 'drills',
    sql: `
      -- Practice data (decision 0005): events captured under a drill carry its id. Clearing the
      -- drill deletes exactly those rows; every other row stays append-only, enforced here.
      ALTER TABLE events ADD COLUMN drill_id TEXT;
      CREATE INDEX events_drill ON events (drill_id) WHERE drill_id IS NOT NULL;
      DROP TRIGGER events_append_only_delete;
      CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events WHEN OLD.drill_id IS NULL
      BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    `,
  },
  {
    version: 6,
    name: 'delivery',
    sql: `
      -- Whether the hub may deliver to a target (delivery.json names them): the latest
      -- delivery.started / delivery.paused event by real time decides (decision 0006).
      CREATE TABLE delivery_targets (
        name          TEXT PRIMARY KEY,
        state         TEXT NOT NULL CHECK (state IN ('paused', 'running')),
        event_id      TEXT NOT NULL,
        changed_at    TEXT NOT NULL,
        changed_by    TEXT NOT NULL
      ) STRICT;

      -- One row per thing to deliver to a target, planned from the stored events: the document
      -- as it is now, whether the target has it, and what the target answered. Replanning a
      -- changed visit makes it pending again; its delivered hash and the target's ids stay.
      CREATE TABLE delivery_items (
        target             TEXT NOT NULL,
        item_id            TEXT NOT NULL,
        kind               TEXT NOT NULL,
        subject_id         TEXT NOT NULL,
        patient_id         TEXT NOT NULL,
        -- Delivery order: real time of arrival (UTC ISO, so text order is time order).
        sort_at            TEXT NOT NULL,
        content_hash       TEXT NOT NULL,
        document           TEXT NOT NULL,
        status             TEXT NOT NULL
          CHECK (status IN ('pending', 'delivered', 'retrying', 'needs_review', 'waiting')),
        attempts           INTEGER NOT NULL DEFAULT 0,
        next_attempt_at    TEXT,
        last_error_code    TEXT,
        last_error_message TEXT,
        remote             TEXT,
        delivered_hash     TEXT,
        delivered_at       TEXT,
        updated_at         TEXT NOT NULL,
        PRIMARY KEY (target, item_id)
      ) STRICT;
      -- The head of a target's queue, read before every attempt.
      CREATE INDEX delivery_items_due ON delivery_items (target, sort_at, item_id)
        WHERE status IN ('pending', 'retrying');
    `,
  },
  {
    version: 7,
    name: 'signing',
    sql: `
      -- Public signing keys of accounts (decision 0010), bound by the account events that carry
      -- them: a signature names its key, the key names its account [P32].
      CREATE TABLE signing_keys (
        key_id     TEXT PRIMARY KEY,
        user_id    TEXT NOT NULL,
        public_key TEXT NOT NULL,
        bound_by   TEXT NOT NULL,
        bound_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX signing_keys_user ON signing_keys (user_id);
      -- A device's own public signing key, given at enrollment [P33].
      ALTER TABLE devices ADD COLUMN signing_key TEXT;
      -- The hospital's first admin is let in once, from a device enrolled with the first-admin
      -- code the hub prints while it has no admin [P35].
      CREATE TABLE first_admin_codes (
        code_hash  TEXT PRIMARY KEY,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE bootstrap_devices (
        device_id  TEXT PRIMARY KEY,
        granted_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 8,
    name: 'entity_kinds',
    sql: `
      -- The kind of entity each id names (patient, visit, assessment…), as the hub first saw it
      -- [P31]: an event whose entity, or an entity it names, is known as another kind is refused.
      -- Written as events are stored; what a store held before is filled in at every start from
      -- its events in store order (recordMissingEntityKinds), so the first one seen wins there too.
      CREATE TABLE entity_kinds (
        entity_id TEXT PRIMARY KEY,
        kind      TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 9,
    name: 'device_profiles_and_pull_scopes',
    sql: `
      -- What each device is for [P45], decided by IT, never claimed by the device: 'full' (every
      -- device before this version), 'desk', 'records' or 'clinic' with its poli codes (a JSON
      -- array). The version goes up with each change, and pull cursors carry it [P47], so a device
      -- whose profile changed pulls again from the start under the new one.
      ALTER TABLE devices ADD COLUMN profile_kind TEXT NOT NULL DEFAULT 'full'
        CHECK (profile_kind IN ('full', 'desk', 'records', 'clinic'));
      ALTER TABLE devices ADD COLUMN profile_polis TEXT;
      ALTER TABLE devices ADD COLUMN profile_version INTEGER NOT NULL DEFAULT 0;
      -- The profile a one-time code gives the device it enrolls (JSON); NULL: the console's code,
      -- which enrolls a new device as 'full' and leaves a re-enrolled device's profile as it is.
      ALTER TABLE enrollment_codes ADD COLUMN profile TEXT;

      -- Which visit an entity's events belong to [P46]: a visit is its own, a slip's and an RM
      -- 1.2's is the visitId of their creating event. First seen wins, like entity_kinds.
      CREATE TABLE entity_visits (
        entity_id TEXT PRIMARY KEY,
        visit_id  TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      -- Each visit's poli and service date, from its registration (rank 1), a correcting
      -- registration (rank 2, which moves the visit: the latest wins) or, until the registration
      -- arrives, its record request (rank 0). Pulls join through these two tables by key.
      CREATE TABLE visit_scopes (
        visit_id     TEXT PRIMARY KEY,
        poli_code    TEXT NOT NULL,
        service_date TEXT NOT NULL,
        rank         INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- What the store already holds, in store order (first seen wins, corrections move).
      INSERT INTO visit_scopes (visit_id, poli_code, service_date, rank)
        SELECT json_extract(body, '$.payload.visitId'), json_extract(body, '$.payload.poliCode'),
               json_extract(body, '$.payload.serviceDate'), 0
        FROM events WHERE type = 'slip.requested'
          AND json_extract(body, '$.payload.visitId') IS NOT NULL
          AND json_extract(body, '$.payload.poliCode') IS NOT NULL
          AND json_extract(body, '$.payload.serviceDate') IS NOT NULL
        ORDER BY seq
        ON CONFLICT (visit_id) DO NOTHING;
      INSERT INTO visit_scopes (visit_id, poli_code, service_date, rank)
        SELECT entity_id, json_extract(body, '$.payload.poliCode'), json_extract(body, '$.payload.serviceDate'),
               CASE WHEN json_extract(body, '$.corrects') IS NULL THEN 1 ELSE 2 END
        FROM events WHERE type = 'visit.registered'
          AND json_extract(body, '$.payload.poliCode') IS NOT NULL
          AND json_extract(body, '$.payload.serviceDate') IS NOT NULL
        ORDER BY seq
        ON CONFLICT (visit_id) DO UPDATE SET poli_code = excluded.poli_code,
          service_date = excluded.service_date, rank = excluded.rank
        WHERE excluded.rank > visit_scopes.rank OR excluded.rank = 2;
      INSERT INTO entity_visits (entity_id, visit_id)
        SELECT entity_id, visit_id FROM (
          SELECT seq, entity_id,
                 CASE WHEN type = 'visit.registered' THEN entity_id
                      ELSE json_extract(body, '$.payload.visitId') END AS visit_id
          FROM events
          WHERE type IN ('visit.registered', 'slip.requested', 'assessment.signed', 'assessment.amended'))
        WHERE visit_id IS NOT NULL
        ORDER BY seq
        ON CONFLICT (entity_id) DO NOTHING;
    `,
  },
];

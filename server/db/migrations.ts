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
];

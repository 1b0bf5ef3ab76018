import type { Statement } from 'better-sqlite3';
import type { HubDatabase } from './openHubDatabase';

const statements = new WeakMap<HubDatabase, Map<string, Statement<unknown[], unknown>>>();

/**
 * The database's prepared statement for `sql`, prepared once: the hub checks every pushed event
 * with a handful of lookups, and preparing each one again costs more than running it.
 */
export function prepared<Params extends unknown[], Row>(
  db: HubDatabase,
  sql: string,
): Statement<Params, Row> {
  let ofDb = statements.get(db);
  if (!ofDb) {
    ofDb = new Map();
    statements.set(db, ofDb);
  }
  let statement = ofDb.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    ofDb.set(sql, statement);
  }
  return statement as Statement<Params, Row>;
}

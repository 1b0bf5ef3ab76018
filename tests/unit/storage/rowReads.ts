import type { DBCoreCursor, DBCoreTable } from 'dexie';
import type { SiagaDb } from '@/storage';

/** Rows read per table since the last `reset`: every row a get, query or count returns or passes. */
export type RowReads = { byTable: () => Record<string, number>; reset: () => void };

/**
 * Counts the rows a database hands out, per table, below Dexie (a DBCore middleware): what a
 * command reads, in rows and cursor steps rather than time, so a test can tell a command bounded
 * by the entities it touches from one that grows with the journal. Call before the database opens.
 */
export function countRowReads(db: SiagaDb): RowReads {
  let counts: Record<string, number> = {};
  const add = (table: string, rows: number) => {
    counts[table] = (counts[table] ?? 0) + rows;
  };
  db.use({
    stack: 'dbcore',
    name: 'rowReads',
    create: (down) => ({
      ...down,
      table: (name) => countingTable(down.table(name), (rows) => add(name, rows)),
    }),
  });
  return {
    byTable: () => ({ ...counts }),
    reset: () => {
      counts = {};
    },
  };
}

function countingTable(table: DBCoreTable, read: (rows: number) => void): DBCoreTable {
  return {
    ...table,
    get: async (request) => {
      const row: unknown = await table.get(request);
      read(row === undefined ? 0 : 1);
      return row;
    },
    getMany: async (request) => {
      const rows: unknown[] = await table.getMany(request);
      read(rows.filter((row) => row !== undefined).length);
      return rows;
    },
    query: async (request) => {
      const response = await table.query(request);
      read(response.result.length);
      return response;
    },
    // Counting walks the range inside IndexedDB: as many rows as it answers.
    count: async (request) => {
      const rows = await table.count(request);
      read(rows);
      return rows;
    },
    openCursor: async (request) => {
      const cursor = await table.openCursor(request);
      return cursor && countingCursor(cursor, () => read(1));
    },
  };
}

function countingCursor(cursor: DBCoreCursor, step: () => void): DBCoreCursor {
  return new Proxy(cursor, {
    get(target, property) {
      if (property === 'start')
        return (onNext: () => void) =>
          target.start(() => {
            step();
            onNext();
          });
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

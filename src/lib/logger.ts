/**
 * The only place the app writes to the console. Log reason codes, counts and ids of our own
 * making; never patient data (names, NIK, MRN, clinical text), never whole events or payloads.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
type Fields = Record<string, string | number | boolean | null | undefined>;

const LEVEL_RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
// Tests keep their output for failures; development wants everything.
const minimumLevel: Level = import.meta.env.MODE === 'test' ? 'warn' : import.meta.env.DEV ? 'debug' : 'info';

function write(level: Level, event: string, fields?: Fields): void {
  if (LEVEL_RANK[level] < LEVEL_RANK[minimumLevel]) return;
  const line = { level, event, at: new Date().toISOString(), ...fields };
  // eslint-disable-next-line no-console -- this module is the sanctioned console sink
  console[level](JSON.stringify(line));
}

export const logger = {
  debug: (event: string, fields?: Fields) => write('debug', event, fields),
  info: (event: string, fields?: Fields) => write('info', event, fields),
  warn: (event: string, fields?: Fields) => write('warn', event, fields),
  error: (event: string, fields?: Fields) => write('error', event, fields),
};

/** A short, patient-data-free description of an unknown thrown value: its name only. */
export function errorName(error: unknown): string {
  if (error instanceof Error) return error.name;
  return typeof error;
}

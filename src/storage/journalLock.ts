/**
 * Serialises every write to the journal and projections. A write reads the rows it changes,
 * reduces, encodes (asynchronous crypto once encryption lands, which must not run inside an
 * IndexedDB transaction) and then commits in one transaction; holding this lock from the read to
 * the commit makes that read-modify-write safe across the tabs of one device (Web Locks) and
 * within a page (the promise chain, also where Web Locks are missing, e.g. unit tests).
 */
const LOCK_NAME = 'siaga-journal-write';
let tail: Promise<unknown> = Promise.resolve();

export function withJournalLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const run = (): Promise<T> =>
    locks ? (locks.request(LOCK_NAME, { mode: 'exclusive' }, work) as Promise<T>) : work();
  const result = tail.then(run, run);
  tail = result.catch(() => undefined); // one failed write must not block the next
  return result;
}

import { useCallback, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { PrintedDocument } from '@/domain';
import { getDb, recordAudit } from '@/storage';

/** Paper the hospital prints on: thermal queue tickets, A5 summaries and slips, A4 forms. */
export type Paper = 'ticket58' | 'a5' | 'a4';

/**
 * Content that exists only on paper: hidden on screen, and while printing the only thing on the
 * page (the app shell is hidden by the print stylesheet).
 */
export function PrintArea({ paper, children }: { paper: Paper; children: ReactNode }) {
  return createPortal(
    <div className="print-area" data-paper={paper}>
      {children}
    </div>,
    document.body,
  );
}

/** What was printed, for the audit trail: the kind of document and the visit, never names. */
export type PrintedWhat = { document: PrintedDocument; visitId?: string | undefined };

/**
 * Prints the `PrintArea` of the given paper (its named page in styles.css sets the page size) and
 * records the print in the audit trail.
 */
export function usePrint(): (paper: Paper, what: PrintedWhat) => void {
  return useCallback((paper: Paper, what: PrintedWhat) => {
    void recordAudit(getDb(), {
      action: 'printed',
      document: what.document,
      ...(what.visitId ? { visitId: what.visitId } : {}),
    });
    document.documentElement.dataset.printing = paper;
    const cleanUp = () => {
      delete document.documentElement.dataset.printing;
      window.removeEventListener('afterprint', cleanUp);
    };
    window.addEventListener('afterprint', cleanUp);
    window.print();
  }, []);
}

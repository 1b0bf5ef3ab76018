import { useCallback, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** Paper the hospital prints on: thermal queue tickets, A5 summaries and slips, A4 forms. */
export type Paper = 'ticket58' | 'a5' | 'a4';

const PAGE_RULE: Record<Paper, string> = {
  ticket58: '@page { size: 58mm 110mm; margin: 3mm; }',
  a5: '@page { size: A5; margin: 10mm; }',
  a4: '@page { size: A4; margin: 15mm; }',
};

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

/** Prints the `PrintArea` of the given paper with the right page size. */
export function usePrint(): (paper: Paper) => void {
  return useCallback((paper: Paper) => {
    const style = document.createElement('style');
    style.textContent = PAGE_RULE[paper];
    document.head.append(style);
    document.documentElement.dataset.printing = paper;
    const cleanUp = () => {
      style.remove();
      delete document.documentElement.dataset.printing;
      window.removeEventListener('afterprint', cleanUp);
    };
    window.addEventListener('afterprint', cleanUp);
    window.print();
  }, []);
}

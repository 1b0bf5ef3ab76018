import type { RegistrationPlan, RuntimeConfig } from '@/domain';
import { paths, PrintArea, usePrint } from '@/features/common';
import { useEffect, useRef } from 'react';
import { useT } from '@/i18n';
import { useRegistrationT } from '@/i18n/registration';
import { useVisitDetail } from '@/storage';
import { Button } from '@/ui/Button';
import { onLinkClick } from '@/ui/navigation';
import { Notice } from '@/ui/Notice';
import { RegistrationSummary, TicketSlip } from '@/features/visits';

/** Shown once the registration is durable: the numbers to hand over, and the printouts. */
export function RegistrationReceipt({
  plan,
  config,
  onNext,
}: {
  plan: RegistrationPlan;
  config: RuntimeConfig;
  onNext: () => void;
}) {
  const t = useT();
  const tr = useRegistrationT();
  const print = usePrint();
  const detail = useVisitDetail(plan.visitId);
  // Focus on the receipt itself (announced; Tab reaches "next"), not on a button a second Enter
  // would press before the ticket is handed over.
  const receipt = useRef<HTMLElement>(null);
  const shown = detail !== undefined && detail !== null;
  useEffect(() => {
    if (shown) receipt.current?.focus();
  }, [shown]);
  if (!detail) return null;
  const { visit, patient } = detail.entry;
  const poli = config.polis.find((candidate) => candidate.code === visit.poliCode);
  return (
    <section ref={receipt} tabIndex={-1} className="form-card receipt" aria-labelledby="receipt-title">
      <Notice tone="success" role="status" title={<span id="receipt-title">{tr('saved')}</span>}>
        <p>{tr('savedBody')}</p>
      </Notice>
      <p className="receipt__ticket" aria-label={t('queue.ticketNumber')}>
        {visit.ticketLabel}
      </p>
      {visit.drillId ? <p className="badge badge--drill">{t('visit.drillData')}</p> : null}
      <dl className="summary-list">
        <div>
          <dt>{t('patient.name')}</dt>
          <dd>{patient?.name}</dd>
        </div>
        {plan.tempNumber ? (
          <div>
            <dt>{t('patient.tempNumber')}</dt>
            <dd>{plan.tempNumber}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('visit.poli')}</dt>
          <dd>{poli?.name ?? visit.poliCode}</dd>
        </div>
        {plan.slipNo ? (
          <div>
            <dt>{t('slip.number')}</dt>
            <dd>{plan.slipNo}</dd>
          </div>
        ) : null}
      </dl>
      <div className="form-actions">
        <Button variant="primary" onClick={onNext}>
          {tr('next')}
        </Button>
        <Button onClick={() => print('ticket58', { document: 'ticket', visitId: visit.id })}>
          {t('print.ticket')}
        </Button>
        <Button onClick={() => print('a5', { document: 'registration_summary', visitId: visit.id })}>
          {t('print.summary')}
        </Button>
        <a className="button button--quiet" href={paths.visit(visit.id)} onClick={onLinkClick}>
          {t('visit.openTimeline')}
        </a>
      </div>
      <PrintArea paper="ticket58">
        <TicketSlip visit={visit} config={config} />
      </PrintArea>
      <PrintArea paper="a5">
        <RegistrationSummary detail={detail} config={config} />
      </PrintArea>
    </section>
  );
}

import type { RuntimeConfig, Visit } from '@/domain';
import { formatFacilityDateTime } from '@/features/common';
import { useT } from '@/i18n';

/** The 58 mm thermal queue ticket: big number, poli, doctor, time. No patient name on it. */
export function TicketSlip({ visit, config }: { visit: Visit; config: RuntimeConfig }) {
  const t = useT();
  const poli = config.polis.find((candidate) => candidate.code === visit.poliCode);
  const doctor = poli?.doctors.find((candidate) => candidate.code === visit.doctorCode);
  return (
    <div className="ticket-print">
      <p className="ticket-print__facility">{config.facility.name}</p>
      <p className="ticket-print__label">{t('queue.ticketNumber')}</p>
      <p className="ticket-print__number">{visit.ticketLabel}</p>
      <p className="ticket-print__poli">{poli?.name ?? visit.poliCode}</p>
      {doctor ? <p>{doctor.name}</p> : null}
      <p className="ticket-print__time">
        {formatFacilityDateTime(visit.registeredAt, config.facility.timeZone)}
      </p>
      <p className="ticket-print__note">{t('print.ticketNote')}</p>
    </div>
  );
}

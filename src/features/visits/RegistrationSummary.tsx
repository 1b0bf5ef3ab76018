import type { RuntimeConfig } from '@/domain';
import { formatFacilityDateTime } from '@/features/common';
import { useT } from '@/i18n';
import type { VisitDetail } from '@/storage';

/** The A5 registration summary handed to the patient or clipped to the paper record. */
export function RegistrationSummary({ detail, config }: { detail: VisitDetail; config: RuntimeConfig }) {
  const t = useT();
  const { visit, patient } = detail.entry;
  const zone = config.facility.timeZone;
  const poli = config.polis.find((candidate) => candidate.code === visit.poliCode);
  const doctor = poli?.doctors.find((candidate) => candidate.code === visit.doctorCode);
  const rows: [string, string | undefined][] = [
    [t('queue.ticketNumber'), visit.ticketLabel],
    [t('patient.name'), patient?.name],
    [t('patient.mrn'), patient?.mrn],
    [t('patient.tempNumber'), patient?.tempNumber],
    [t('patient.nik'), patient?.nik],
    [t('patient.birthDate'), patient?.birthDate],
    [t('visit.poli'), poli?.name ?? visit.poliCode],
    [t('visit.doctor'), doctor?.name ?? visit.doctorCode],
    [
      t('visit.payer'),
      visit.payer.type === 'bpjs'
        ? `BPJS ${visit.payer.cardNo}`
        : visit.payer.type === 'asuransi'
          ? visit.payer.insurerName
          : t('visit.payerUmum'),
    ],
    [t('registration.arrivedAt'), formatFacilityDateTime(visit.arrivedAt, zone)],
    [t('registration.registeredAt'), formatFacilityDateTime(visit.registeredAt, zone)],
    [t('slip.number'), detail.slips[0]?.slipNo],
  ];
  return (
    <div className="paper-sheet">
      <header className="paper-sheet__header">
        <p>{config.facility.name}</p>
        <h1>{t('print.summaryTitle')}</h1>
        <p>{t('print.downtimeNote')}</p>
      </header>
      <table className="paper-table">
        <tbody>
          {rows
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <p className="paper-sheet__footer">
        {t('print.capturedBy', {
          name: visit.timeline[0]?.actor.name ?? '',
          device: visit.ticket.deviceCode,
        })}
      </p>
    </div>
  );
}

import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { RuntimeConfig } from '@/domain';
import { formatFacilityDateTime } from '@/features/common';
import { useT } from '@/i18n';
import { getDb, slipTransferText, type SlipEntry } from '@/storage';

/**
 * The printed record-request slip (A5): who, which poli, when requested — and a QR code carrying
 * the slip with its visit, so a device with no network can take it over.
 */
export function SlipPrint({ entry, config }: { entry: SlipEntry; config: RuntimeConfig }) {
  const t = useT();
  const [qr, setQr] = useState<{ svg: string; text: string } | undefined>();
  const { slip, patient } = entry;
  useEffect(() => {
    let cancelled = false;
    void slipTransferText(getDb(), slip).then(async (text) => {
      const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
      if (!cancelled) setQr({ svg, text });
    });
    return () => {
      cancelled = true;
    };
  }, [slip]);
  const poli = config.polis.find((candidate) => candidate.code === slip.poliCode);
  return (
    <div className="paper-sheet slip-print">
      <header className="paper-sheet__header">
        <p>{config.facility.name}</p>
        <h1>{t('slip.printTitle')}</h1>
        <p>{t('print.downtimeNote')}</p>
      </header>
      <table className="paper-table">
        <tbody>
          <SlipRow label={t('slip.number')} value={slip.slipNo} />
          <SlipRow label={t('patient.mrn')} value={slip.mrn} />
          <SlipRow label={t('patient.name')} value={patient?.name} />
          <SlipRow label={t('visit.poli')} value={poli?.name ?? slip.poliCode} />
          <SlipRow
            label={t('slip.requestedAt')}
            value={formatFacilityDateTime(slip.requestedAt, config.facility.timeZone)}
          />
          <SlipRow label={t('slip.requestedBy')} value={slip.trail[0]?.actor.name} />
        </tbody>
      </table>
      {qr ? (
        <figure className="slip-print__qr" data-transfer={qr.text}>
          <div dangerouslySetInnerHTML={{ __html: qr.svg }} role="img" aria-label={t('slip.qrLabel')} />
          <figcaption>{t('slip.qrCaption')}</figcaption>
        </figure>
      ) : null}
      <p className="slip-print__checklist">{t('slip.printChecklist')}</p>
    </div>
  );
}

function SlipRow({ label, value }: { label: string; value: string | undefined }) {
  if (!value) return null;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{value}</td>
    </tr>
  );
}

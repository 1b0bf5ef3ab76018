import { assessmentRefusal } from '@/domain';
import { paths, reasonText, useMayRecord } from '@/features/common';
import { DeviceGate } from '@/features/deviceSetup';
import { QueueBoard } from '@/features/queue';
import { useT } from '@/i18n';
import { onLinkClick } from '@/ui/navigation';

/**
 * Poli: the clinic's queue, and from each patient the RM 1.2 assessment — not offered for a
 * cancelled or no-show visit, which says why instead.
 */
export function ClinicWorkspace() {
  const t = useT();
  const mayAssess = useMayRecord()('assessment.signed');
  return (
    <>
      <h1>{t('nav.clinic')}</h1>
      <DeviceGate>
        {({ config }) => (
          <QueueBoard
            config={config}
            rowExtra={(entry) => {
              if (!mayAssess) return null;
              const refusal = assessmentRefusal(entry.visit);
              return refusal ? (
                <p className="queue-item__note">{reasonText(t, refusal)}</p>
              ) : (
                <a
                  className="button button--secondary"
                  href={paths.assessment(entry.visit.id)}
                  onClick={onLinkClick}
                  aria-label={`${t('assessment.fill')} ${entry.visit.ticketLabel}`}
                >
                  {t('assessment.fill')}
                </a>
              );
            }}
          />
        )}
      </DeviceGate>
    </>
  );
}

import { useState } from 'react';
import {
  assessmentRefusal,
  deriveTaskTimes,
  isOpenSlip,
  NOW,
  type FieldProblem,
  type RuntimeConfig,
} from '@/domain';
import { ROLE_LABEL } from '@/features/account';
import {
  useAuditView,
  formatFacilityDateTime,
  PatientIdentityLine,
  paths,
  PrintArea,
  problemText,
  reasonText,
  useMayRecord,
  usePrint,
} from '@/features/common';
import { DeviceGate } from '@/features/deviceSetup';
import { StatusBadge } from '@/features/queue';
import { useT } from '@/i18n';
import { getDb, requestSlip, useVisitDetail, type VisitDetail } from '@/storage';
import { Button } from '@/ui/Button';
import { onLinkClick } from '@/ui/navigation';
import { Notice } from '@/ui/Notice';
import { RegistrationSummary } from './RegistrationSummary';
import { TASK_BASIS_LABEL, TASK_LABEL } from './eventLabels';
import { Timeline } from './Timeline';

function VisitDetailView({ detail, config }: { detail: VisitDetail; config: RuntimeConfig }) {
  const t = useT();
  const print = usePrint();
  const mayRecord = useMayRecord();
  const zone = config.facility.timeZone;
  const { visit, patient } = detail.entry;
  const poli = config.polis.find((candidate) => candidate.code === visit.poliCode);
  const tasks = deriveTaskTimes(visit, detail.assessment);
  const assessmentRefused = detail.assessment ? undefined : assessmentRefusal(visit);
  const [slipProblem, setSlipProblem] = useState<FieldProblem | undefined>();
  // The SOP raises a slip at registration; by hand when that one is lost or the MRN came later —
  // never for a cancelled visit, whose slip was withdrawn with it.
  const canRequestSlip =
    mayRecord('slip.requested') &&
    visit.status !== 'cancelled' &&
    Boolean(patient?.mrn) &&
    !detail.slips.some((slip) => isOpenSlip(slip.status));
  return (
    <>
      <p className="visit-header">
        <span className="visit-header__ticket">{visit.ticketLabel}</span>
        <StatusBadge status={visit.status} />
        {visit.drillId ? <span className="badge badge--drill">{t('visit.drill')}</span> : null}
        <span>{poli?.name ?? visit.poliCode}</span>
      </p>
      <PatientIdentityLine patient={patient} />
      {visit.cancelReason ? <p>{t('visit.cancelReasonValue', { reason: visit.cancelReason })}</p> : null}
      {visit.anomalies.length > 0 ? (
        <Notice tone="warning" title={t('timeline.anomalies', { count: visit.anomalies.length })}>
          <p>{t('timeline.anomaliesBody')}</p>
        </Notice>
      ) : null}

      <h2>{t('timeline.title')}</h2>
      <Timeline entries={visit.timeline} zone={zone} label={t('timeline.title')} />

      <h2>{t('task.title')}</h2>
      <table className="data-table">
        <caption>{t('task.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('task.id')}</th>
            <th scope="col">{t('task.meaning')}</th>
            <th scope="col">{t('task.time')}</th>
            <th scope="col">{t('task.basis')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.taskId}>
              <td>{task.taskId}</td>
              <td>{t(TASK_LABEL[task.taskId])}</td>
              <td>{formatFacilityDateTime(task.at, zone)}</td>
              <td>{t(TASK_BASIS_LABEL[task.basis])}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {detail.slips.length > 0 ? (
        <>
          <h2>{t('slip.titleForVisit')}</h2>
          {detail.slips.map((slip) => (
            <div key={slip.id}>
              <p>
                <strong>{slip.slipNo}</strong> {t(`slip.status.${slip.status}`)}
              </p>
              <Timeline entries={slip.trail} zone={zone} label={slip.slipNo} />
            </div>
          ))}
        </>
      ) : null}

      {canRequestSlip ? (
        <div className="form-actions">
          <Button
            onClick={() =>
              void requestSlip(getDb(), visit.id, NOW).then((result) =>
                setSlipProblem(result.ok ? undefined : result.error[0]),
              )
            }
          >
            {t('slip.requestByHand')}
          </Button>
          {slipProblem ? <p className="field__error">{problemText(t, slipProblem, zone)}</p> : null}
        </div>
      ) : null}

      <h2>{t('assessment.title')}</h2>
      {detail.assessment ? (
        <p>
          {t('assessment.signedSummary', {
            version: detail.assessment.current.version,
            signer: t('assessment.signer', {
              name: detail.assessment.current.signedBy.name,
              role: t(ROLE_LABEL[detail.assessment.current.signedBy.role]),
            }),
            examiner: detail.assessment.current.clinician.name,
            time: formatFacilityDateTime(detail.assessment.current.completedAt, zone),
          })}
        </p>
      ) : (
        <p>{assessmentRefused ? reasonText(t, assessmentRefused) : t('assessment.none')}</p>
      )}
      <div className="form-actions">
        {assessmentRefused ? null : (
          <a className="button button--secondary" href={paths.assessment(visit.id)} onClick={onLinkClick}>
            {t(detail.assessment ? 'assessment.open' : 'assessment.fill')}
          </a>
        )}
        <Button onClick={() => print('a5', { document: 'registration_summary', visitId: visit.id })}>
          {t('print.summary')}
        </Button>
      </div>
      <PrintArea paper="a5">
        <RegistrationSummary detail={detail} config={config} />
      </PrintArea>
    </>
  );
}

/** A visit's whole story: the timeline of every event and the BPJS task times derived from it. */
export function VisitDetailScreen({ visitId }: { visitId: string }) {
  const t = useT();
  const detail = useVisitDetail(visitId);
  useAuditView('visit_viewed', visitId);
  return (
    <>
      <h1>{t('visit.title')}</h1>
      <DeviceGate>
        {({ config }) =>
          detail === undefined ? (
            <p>{t('common.loading')}</p>
          ) : detail === null ? (
            <Notice tone="warning" title={t('reason.visitNotFound')} />
          ) : (
            <VisitDetailView detail={detail} config={config} />
          )
        }
      </DeviceGate>
    </>
  );
}

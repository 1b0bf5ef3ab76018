import { useEffect, useState } from 'react';
import { assessmentRefusal, type RuntimeConfig } from '@/domain';
import { useAuditView, PatientIdentityLine, paths, PrintArea, reasonText, usePrint } from '@/features/common';
import { DeviceGate } from '@/features/deviceSetup';
import { formatDecimal, useLanguage, useT } from '@/i18n';
import { getDb, loadDraft, useVisitDetail, type VisitDetail } from '@/storage';
import { Button } from '@/ui/Button';
import { navigate, onLinkClick } from '@/ui/navigation';
import { Notice } from '@/ui/Notice';
import { AssessmentView } from './AssessmentView';
import { emptyRm12Form, fromContent, type Rm12FormValues } from './rm12FormModel';
import { Rm12Form } from './Rm12Form';

type Mode = 'view' | 'edit';

function AssessmentEditor({ detail, config }: { detail: VisitDetail; config: RuntimeConfig }) {
  const t = useT();
  const language = useLanguage();
  const print = usePrint();
  const zone = config.facility.timeZone;
  const { visit, patient } = detail.entry;
  // A cancelled or no-show visit is told before anyone types: the form is not offered at all.
  const refusal = assessmentRefusal(visit);
  const poli = config.polis.find((candidate) => candidate.code === visit.poliCode);
  const [mode, setMode] = useState<Mode>(detail.assessment ? 'view' : 'edit');
  const [justSigned, setJustSigned] = useState(false);
  const [initial, setInitial] = useState<
    { values: Rm12FormValues; savedAt: string | undefined } | undefined
  >();

  // The form starts from this device's draft if one exists (a reload or crash mid-form),
  // else from the signed version being amended, else blank.
  useEffect(() => {
    if (mode !== 'edit') return;
    let cancelled = false;
    void loadDraft(getDb(), visit.id).then((draft) => {
      if (cancelled) return;
      const base = emptyRm12Form(visit.doctorCode);
      if (draft) setInitial({ values: draft.values as Rm12FormValues, savedAt: draft.updatedAt });
      else if (detail.assessment)
        setInitial({
          values: {
            ...base,
            content: fromContent(detail.assessment.current.content, (value) =>
              formatDecimal(value, language, { grouping: false }),
            ),
          },
          savedAt: undefined,
        });
      else setInitial({ values: base, savedAt: undefined });
    });
    return () => {
      cancelled = true;
    };
  }, [mode, visit.id, visit.doctorCode, detail.assessment, language]);

  return (
    <>
      <p className="visit-header">
        <span className="visit-header__ticket">{visit.ticketLabel}</span>
        <span>{poli?.name ?? visit.poliCode}</span>
        <a className="button button--quiet" href={paths.visit(visit.id)} onClick={onLinkClick}>
          {t('visit.openTimeline')}
        </a>
      </p>
      <PatientIdentityLine patient={patient} />
      {justSigned ? <Notice tone="success" role="status" title={t('rm12.signed')} /> : null}
      {refusal && !detail.assessment ? (
        <>
          <Notice tone="warning" title={reasonText(t, refusal)}>
            {visit.cancelReason ? (
              <p>{t('visit.cancelReasonValue', { reason: visit.cancelReason })}</p>
            ) : null}
          </Notice>
          <div className="form-actions">
            <Button onClick={() => navigate(paths.clinic)}>{t('rm12.backToQueue')}</Button>
          </div>
        </>
      ) : null}
      {refusal && detail.assessment ? (
        <p>{t('assessment.closedAfterSigning', { status: t(`queue.status.${visit.status}`) })}</p>
      ) : null}
      {mode === 'view' && detail.assessment ? (
        <>
          <AssessmentView version={detail.assessment.current} zone={zone} />
          {detail.assessment.history.length > 0 ? (
            <details>
              <summary>{t('assessment.history', { count: detail.assessment.history.length })}</summary>
              {detail.assessment.history.map((version) => (
                <AssessmentView key={version.eventId} version={version} zone={zone} />
              ))}
            </details>
          ) : null}
          <div className="form-actions">
            <Button onClick={() => print('a4', { document: 'rm12', visitId: visit.id })}>
              {t('print.assessment')}
            </Button>
            <Button
              onClick={() => {
                setJustSigned(false);
                setInitial(undefined);
                setMode('edit');
              }}
            >
              {t('rm12.amend')}
            </Button>
            <Button onClick={() => navigate(paths.clinic)}>{t('rm12.backToQueue')}</Button>
          </div>
          <PrintArea paper="a4">
            <div className="paper-sheet">
              <header className="paper-sheet__header">
                <p>{config.facility.name}</p>
                <h1>{t('print.assessmentTitle')}</h1>
                <p>{t('print.downtimeNote')}</p>
              </header>
              <p>
                <PatientIdentityLine patient={patient} />
              </p>
              <p>
                {visit.ticketLabel} · {poli?.name ?? visit.poliCode}
              </p>
              <AssessmentView version={detail.assessment.current} zone={zone} />
            </div>
          </PrintArea>
        </>
      ) : null}
      {mode === 'edit' && initial && !(refusal && !detail.assessment) ? (
        <Rm12Form
          visit={visit}
          poli={poli}
          existing={detail.assessment}
          initial={initial.values}
          zone={zone}
          draftSavedAt={initial.savedAt}
          onSigned={() => {
            setJustSigned(true);
            setMode('view');
          }}
          {...(detail.assessment ? { onCancel: () => setMode('view') } : {})}
        />
      ) : null}
    </>
  );
}

/** Poli: the RM 1.2 of one visit — fill and sign it, view it, amend it, print it. */
export function AssessmentScreen({ visitId }: { visitId: string }) {
  const t = useT();
  const detail = useVisitDetail(visitId);
  useAuditView('assessment_viewed', visitId);
  return (
    <>
      <h1>{t('assessment.title')}</h1>
      <DeviceGate>
        {({ config }) =>
          detail === undefined ? (
            <p>{t('common.loading')}</p>
          ) : detail === null ? (
            <Notice tone="warning" title={t('reason.visitNotFound')} />
          ) : (
            <AssessmentEditor detail={detail} config={config} />
          )
        }
      </DeviceGate>
    </>
  );
}

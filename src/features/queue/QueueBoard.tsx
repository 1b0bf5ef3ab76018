import { useMemo, useState, type ReactNode } from 'react';
import {
  availableMoves,
  NOW,
  type FieldProblem,
  type QueueMove,
  type RuntimeConfig,
  type When,
} from '@/domain';
import {
  formatFacilityTime,
  PatientIdentityLine,
  paths,
  problemText,
  useFacilityNow,
  useMayRecord,
  WhenField,
} from '@/features/common';
import { useLanguage, useT, type MessageKey } from '@/i18n';
import { getDb, moveInQueue, useVisitsOfDay, type VisitEntry } from '@/storage';
import { Button } from '@/ui/Button';
import { Dialog } from '@/ui/Dialog';
import { CheckboxField, SelectField, TextAreaField } from '@/ui/Field';
import { onLinkClick } from '@/ui/navigation';
import { Notice } from '@/ui/Notice';
import { usePreference } from '@/ui/usePreference';
import { announce, announcementText } from './announce';
import { StatusBadge } from './StatusBadge';

const MOVE_LABEL: Record<QueueMove, MessageKey> = {
  called: 'queue.call',
  recalled: 'queue.recall',
  skipped: 'queue.skip',
  service_started: 'queue.startService',
  service_ended: 'queue.endService',
  no_show: 'queue.noShow',
  cancel: 'queue.cancel',
};

/** Open tickets first (called, serving, waiting, skipped), then the closed ones; each in ticket order. */
const STATUS_ORDER = ['called', 'serving', 'waiting', 'skipped', 'done', 'no_show', 'cancelled'];

/**
 * One poli's queue for today: call the next patient (aloud), recall, skip, start and end
 * service, mark a no-show or cancel — each an event with its real time and the person who did it.
 */
export function QueueBoard({
  config,
  rowExtra,
}: {
  config: RuntimeConfig;
  rowExtra?: (entry: VisitEntry) => ReactNode;
}) {
  const t = useT();
  const language = useLanguage();
  const mayRecord = useMayRecord();
  const mayMove = (queueMove: QueueMove) =>
    mayRecord(queueMove === 'cancel' ? 'visit.cancelled' : 'queue.called');
  const zone = config.facility.timeZone;
  const { date } = useFacilityNow(zone);
  const [poliCode, setPoliCode] = usePreference<string>('queuePoli', config.polis[0]?.code ?? '');
  const [voice, setVoice] = usePreference<boolean>('queueVoice', true);
  const [when, setWhen] = useState<When>(NOW);
  const [transcribed, setTranscribed] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [cancelling, setCancelling] = useState<VisitEntry | undefined>();
  const [cancelReason, setCancelReason] = useState('');
  const poli = config.polis.find((candidate) => candidate.code === poliCode) ?? config.polis[0];
  const entries = useVisitsOfDay(date, poli?.code);
  const sorted = useMemo(
    () =>
      [...(entries ?? [])].sort(
        (a, b) =>
          STATUS_ORDER.indexOf(a.visit.status) - STATUS_ORDER.indexOf(b.visit.status) ||
          a.visit.registeredAt.localeCompare(b.visit.registeredAt),
      ),
    [entries],
  );
  const nextWaiting = sorted.find((entry) => entry.visit.status === 'waiting');

  const move = async (entry: VisitEntry, queueMove: QueueMove, reason?: string) => {
    setProblems([]);
    const result = await moveInQueue(getDb(), entry.visit.id, {
      move: queueMove,
      when,
      source: transcribed ? 'transcribed_from_paper' : 'direct',
      ...(reason ? { reason } : {}),
    });
    if (!result.ok) {
      setProblems(result.error);
      return false;
    }
    if (voice && (queueMove === 'called' || queueMove === 'recalled') && poli) {
      announce(announcementText(t, language, entry.visit.ticket, poli.name), language);
    }
    return true;
  };

  if (!poli) return null;
  return (
    <section aria-labelledby="queue-title" className="queue-board">
      <h2 id="queue-title">{t('queue.title', { poli: poli.name })}</h2>
      <div className="form-row">
        <SelectField
          label={t('visit.poli')}
          value={poli.code}
          onChange={(event) => setPoliCode(event.target.value)}
          options={config.polis.map((candidate) => ({ value: candidate.code, label: candidate.name }))}
        />
        <CheckboxField
          label={t('queue.voice')}
          checked={voice}
          onChange={(event) => setVoice(event.target.checked)}
        />
        <a
          className="button button--quiet form-row__action"
          href={paths.queueDisplay(poli.code)}
          target="_blank"
          rel="noreferrer"
        >
          {t('queue.openDisplay')}
        </a>
      </div>
      <div className="form-row">
        <WhenField label={t('queue.actionTime')} value={when} onChange={setWhen} zone={zone} />
        <CheckboxField
          label={t('capture.transcribed')}
          checked={transcribed}
          onChange={(event) => setTranscribed(event.target.checked)}
        />
      </div>
      {mayMove('called') ? (
        <Button
          variant="primary"
          className="queue-board__next"
          disabled={!nextWaiting}
          onClick={() => nextWaiting && void move(nextWaiting, 'called')}
        >
          {nextWaiting
            ? t('queue.callNext', { ticket: nextWaiting.visit.ticketLabel })
            : t('queue.nobodyWaiting')}
        </Button>
      ) : null}
      {problems.length > 0 ? (
        <Notice tone="danger" role="alert" title={t('queue.actionRefused')}>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problemText(t, problem, zone)}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <p role="status">
        {entries === undefined
          ? t('common.loading')
          : t('queue.summary', {
              waiting: sorted.filter((entry) => entry.visit.status === 'waiting').length,
              total: sorted.length,
            })}
      </p>
      <ul className="queue-list" aria-label={t('queue.title', { poli: poli.name })}>
        {sorted.map((entry) => (
          <li key={entry.visit.id} className={`queue-item queue-item--${entry.visit.status}`}>
            <div className="queue-item__head">
              <span className="queue-item__ticket">{entry.visit.ticketLabel}</span>
              <StatusBadge status={entry.visit.status} />
              <span className="queue-item__time">
                {t('queue.registeredAt', { time: formatFacilityTime(entry.visit.registeredAt, zone) })}
                {entry.visit.callCount > 0 ? ` · ${t('queue.calls', { count: entry.visit.callCount })}` : ''}
              </span>
            </div>
            <PatientIdentityLine patient={entry.patient} />
            <div className="queue-item__actions">
              {availableMoves(entry.visit.status)
                .filter(mayMove)
                .map((queueMove) => (
                  <Button
                    key={queueMove}
                    variant={
                      queueMove === 'called' || queueMove === 'service_started' ? 'primary' : 'secondary'
                    }
                    aria-label={`${t(MOVE_LABEL[queueMove])} ${entry.visit.ticketLabel}`}
                    onClick={() => {
                      if (queueMove === 'cancel') {
                        setCancelReason('');
                        setCancelling(entry);
                      } else void move(entry, queueMove);
                    }}
                  >
                    {t(MOVE_LABEL[queueMove])}
                  </Button>
                ))}
              {rowExtra?.(entry)}
              <a className="button button--quiet" href={paths.visit(entry.visit.id)} onClick={onLinkClick}>
                {t('visit.openTimeline')}
              </a>
            </div>
          </li>
        ))}
      </ul>
      <Dialog
        open={cancelling !== undefined}
        title={t('queue.cancelTitle', { ticket: cancelling?.visit.ticketLabel ?? '' })}
        onClose={() => setCancelling(undefined)}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!cancelling) return;
            void move(cancelling, 'cancel', cancelReason).then((done) => done && setCancelling(undefined));
          }}
        >
          {cancelling?.visit.visitType === 'lama' ? <p>{t('queue.cancelVoidsSlip')}</p> : null}
          <TextAreaField
            label={t('queue.cancelReason')}
            value={cancelReason}
            onChange={(event) => setCancelReason(event.target.value)}
            error={
              problems.find((problem) => problem.field === 'reason')
                ? problemText(
                    t,
                    problems.find((problem) => problem.field === 'reason')!,
                  )
                : undefined
            }
          />
          <div className="form-actions">
            <Button type="submit" variant="primary">
              {t('queue.confirmCancel')}
            </Button>
            <Button onClick={() => setCancelling(undefined)}>{t('common.close')}</Button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}

import { useEffect, useState } from 'react';
import type { FacilityTimeZone, FieldProblem, RuntimeConfig } from '@/domain';
import {
  DELIVERY_ITEM_STATUSES,
  type DeliveryStatus,
  type DeliveryTargetStatus,
} from '@/domain/delivery/deliveryStatus';
import { formatCountdown, formatFacilityDateTime, problemText, useMayRecord } from '@/features/common';
import { INTL_LOCALE, useLanguage, useT } from '@/i18n';
import { useDeliveryT, type DeliveryTranslate } from '@/i18n/delivery';
import { getDb, retryRefusedDeliveries, setDeliveryRunning } from '@/storage';
import type { DeliveryCalls, DeliveryFailure } from '@/sync';
import { Button } from '@/ui/Button';
import { TextField } from '@/ui/Field';
import { Notice } from '@/ui/Notice';
import { isAnnouncementSettled, type DeliveryAnnouncement } from './deliveryAnnouncement';
import { reasonText, useDeliveryFailureText } from './deliveryFailureText';
import { TemporaryPatientsPanel } from './TemporaryPatientsPanel';

/** The console asks this often while it is open (the hub's answer is counts, a few hundred bytes). */
const REFRESH_MS = 3_000;

function TargetCard({
  target,
  zone,
  onChanged,
}: {
  target: DeliveryTargetStatus;
  zone: FacilityTimeZone;
  onChanged: () => void;
}) {
  const t = useT();
  const td = useDeliveryT();
  const language = useLanguage();
  const mayRecord = useMayRecord();
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<DeliveryAnnouncement>();
  const counts = target.counts;
  const total = DELIVERY_ITEM_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const running = target.state === 'running';
  const allowed = mayRecord(running ? 'delivery.paused' : 'delivery.started');
  // The words after an action leave once the hub's status shows it done (set while rendering:
  // the status arrives as a prop, and the words must not outlive it by a render).
  if (message !== undefined && isAnnouncementSettled(message, target)) setMessage(undefined);
  const refused = (problems: readonly FieldProblem[]): DeliveryAnnouncement => ({
    kind: 'refused',
    text: problems.map((problem) => problemText(t, problem)).join(' '),
  });

  const toggle = async () => {
    const result = await setDeliveryRunning(getDb(), {
      target: target.name,
      running: !running,
      ...(reason.trim() ? { reason } : {}),
    });
    if (!result.ok) {
      setMessage(refused(result.error));
      return;
    }
    setReason('');
    setMessage(running ? { kind: 'paused' } : { kind: 'started', deliveredBefore: counts.delivered });
    onChanged();
  };

  const retry = async (code: string) => {
    const result = await retryRefusedDeliveries(getDb(), { target: target.name, code });
    setMessage(result.ok ? { kind: 'retried', code } : refused(result.error));
    onChanged();
  };

  return (
    <section className="form-card delivery-target" aria-labelledby={`delivery-${target.name}`}>
      <h3 id={`delivery-${target.name}`}>{target.label}</h3>
      <p role="status">
        <strong className={`delivery-state delivery-state--${target.state}`}>
          {td(running ? 'state.running' : 'state.paused')}
        </strong>{' '}
        {target.changedAt && target.changedBy
          ? td('state.since', {
              time: formatFacilityDateTime(target.changedAt, zone),
              name: target.changedBy,
            })
          : td('state.never')}
      </p>
      <label htmlFor={`delivery-progress-${target.name}`}>
        {td('progress', { delivered: counts.delivered, total })}
      </label>
      <progress id={`delivery-progress-${target.name}`} max={Math.max(total, 1)} value={counts.delivered} />
      <p>
        {td('rate', {
          // A slow SIMRS keeps its tenths: "0,4 kunjungan/menit" is not "0".
          rate: new Intl.NumberFormat(INTL_LOCALE[language], {
            maximumFractionDigits: target.perMinute < 10 ? 1 : 0,
          }).format(target.perMinute),
        })}
        {target.secondsLeft !== null && target.secondsLeft > 0
          ? ` · ${td('timeLeft', { time: formatCountdown(target.secondsLeft * 1000) })}`
          : ''}
        {target.lastDeliveredAt
          ? ` · ${td('lastDelivered', { time: formatFacilityDateTime(target.lastDeliveredAt, zone) })}`
          : ''}
      </p>
      <table className="data-table recovery-counts">
        <caption>{td('countsCaption')}</caption>
        <tbody>
          {DELIVERY_ITEM_STATUSES.map((status) => (
            <tr key={status}>
              <th scope="row">{td(`count.${status}`)}</th>
              <td>{counts[status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!running && counts.waiting > 0 ? (
        <Notice tone="warning" title={td('mapFirst', { count: counts.waiting })} />
      ) : null}
      {target.failures.length > 0 ? (
        <>
          <h4>{td('failuresTitle')}</h4>
          <ul className="delivery-failures">
            {target.failures.map((failure) => (
              <li key={`${failure.status}-${failure.code}`}>
                <strong>{td(`failureStatus.${failure.status}`)}</strong>{' '}
                {td('failure', {
                  count: failure.count,
                  // The target's own words when the console has none for its code.
                  message: reasonText(td, failure.code) ?? td('reason.other', { message: failure.message }),
                })}
                {failure.status === 'needs_review' && mayRecord('delivery.retried') ? (
                  <Button variant="secondary" onClick={() => void retry(failure.code)}>
                    {td('retry')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {allowed ? (
        <div className="form-actions">
          {running ? (
            <TextField
              label={td('pauseReason')}
              value={reason}
              maxLength={300}
              onChange={(event) => setReason(event.target.value)}
            />
          ) : null}
          <Button variant={running ? 'secondary' : 'primary'} onClick={() => void toggle()}>
            {running ? td('pause') : target.changedAt ? td('resume') : td('start')}
          </Button>
        </div>
      ) : (
        <p className="field__hint">{td('notAllowed')}</p>
      )}
      {message ? (
        <Notice
          tone={message.kind === 'refused' ? 'danger' : 'success'}
          title={message.kind === 'refused' ? message.text : td(message.kind)}
          role={message.kind === 'refused' ? 'alert' : 'status'}
        />
      ) : null}
    </section>
  );
}

/** Pemulihan → delivery: each SIMRS target's progress, failures by reason, start and pause. */
export function DeliveryPanel({
  calls,
  config,
  zone,
}: {
  calls: DeliveryCalls;
  config: RuntimeConfig | undefined;
  zone: FacilityTimeZone;
}) {
  const td: DeliveryTranslate = useDeliveryT();
  const failureText = useDeliveryFailureText();
  const [status, setStatus] = useState<DeliveryStatus>();
  const [failure, setFailure] = useState<DeliveryFailure>();

  // Each answer (or failure) schedules the next question: never two in flight.
  const [round, setRound] = useState(0);
  const refresh = () => setRound((value) => value + 1);
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void calls.status().then((answer) => {
      if (!current) return;
      if (answer.ok) {
        setStatus(answer.value);
        setFailure(undefined);
      } else setFailure(answer.error);
      timer = setTimeout(() => setRound((value) => value + 1), REFRESH_MS);
    });
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [calls, round]);

  const simrsTarget = status?.targets.find((target) => target.adapter === 'simrs-rest')?.name;
  return (
    <section aria-labelledby="delivery-title">
      <h2 id="delivery-title">{td('title')}</h2>
      <p className="lead">{td('intro')}</p>
      {failure ? <Notice tone="warning" title={failureText(failure)} /> : null}
      {!status && !failure ? <p>{td('loading')}</p> : null}
      {status && status.targets.length === 0 ? <Notice tone="info" title={td('noTargets')} /> : null}
      {status?.targets.map((target) => (
        <TargetCard key={target.name} target={target} zone={zone} onChanged={refresh} />
      ))}
      {/* Who a temporary patient is, is the SIMRS's question: asked of the first SIMRS target. */}
      {simrsTarget && config ? (
        <TemporaryPatientsPanel calls={calls} target={simrsTarget} config={config} zone={zone} />
      ) : null}
    </section>
  );
}

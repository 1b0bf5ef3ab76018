import { useState } from 'react';
import { type FacilityTimeZone } from '@/domain';
import { formatFacilityDateTime, problemText } from '@/features/common';
import { EVENT_LABEL } from '@/features/visits';
import { useT, type MessageKey } from '@/i18n';
import { correctEvent, getDb, voidEvent, type ReviewItem } from '@/storage';
import { Button } from '@/ui/Button';
import { TextAreaField, TextField } from '@/ui/Field';
import { Notice } from '@/ui/Notice';
import { payloadLeaves, withEdits } from './payloadFields';

const KNOWN_CODES: Record<string, MessageKey> = {
  unknown_poli: 'review.code.unknown_poli',
  unknown_doctor: 'review.code.unknown_doctor',
  invalid_event: 'review.code.invalid_event',
  conflict: 'review.code.conflict',
};

/**
 * One event the hub refused: why, and the two ways to settle it — send a corrected version, or
 * void it with a reason. Neither deletes anything.
 */
export function ReviewItemCard({ item, zone }: { item: ReviewItem; zone: FacilityTimeZone }) {
  const t = useT();
  const [mode, setMode] = useState<'view' | 'correct' | 'void'>('view');
  const [edits, setEdits] = useState<Map<string, string>>(new Map());
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const { event, error } = item;
  const refusedField = error.field?.replace(/^payload\./, '');
  const leaves = payloadLeaves(event.payload);

  const settle = async (action: () => ReturnType<typeof correctEvent>) => {
    const result = await action();
    if (!result.ok)
      setProblems(
        result.error.map(
          (problem) => `${problem.field ? `${problem.field}: ` : ''}${problemText(t, problem, zone)}`,
        ),
      );
  };

  return (
    <li className="review-card">
      <p className="review-card__head">
        <strong>{t(EVENT_LABEL[event.type])}</strong> {formatFacilityDateTime(event.occurredAt, zone)} ·{' '}
        {event.deviceCode}
      </p>
      <p className="review-card__reason">
        {t(KNOWN_CODES[error.code] ?? 'review.code.other', { field: refusedField ?? '—' })}
        <span className="review-card__hub-message"> {t('review.hubSaid', { message: error.message })}</span>
      </p>
      {mode === 'view' ? (
        <div className="queue-item__actions">
          <Button variant="primary" onClick={() => setMode('correct')}>
            {t('review.correct')}
          </Button>
          <Button onClick={() => setMode('void')}>{t('review.void')}</Button>
        </div>
      ) : null}
      {mode === 'correct' ? (
        <form
          onSubmit={(submit) => {
            submit.preventDefault();
            void settle(() => correctEvent(getDb(), event.id, withEdits(event.payload, edits)));
          }}
        >
          <p>{t('review.correctIntro')}</p>
          <div className="form-grid">
            {leaves.map((leaf) => (
              <TextField
                key={leaf.path}
                label={leaf.path}
                className={leaf.path === refusedField ? 'field--flagged' : undefined}
                hint={leaf.path === refusedField ? t('review.flagged') : undefined}
                value={edits.get(leaf.path) ?? String(leaf.value ?? '')}
                onChange={(change) => setEdits(new Map(edits).set(leaf.path, change.target.value))}
              />
            ))}
          </div>
          <div className="form-actions">
            <Button type="submit" variant="primary">
              {t('review.sendCorrection')}
            </Button>
            <Button onClick={() => setMode('view')}>{t('common.close')}</Button>
          </div>
        </form>
      ) : null}
      {mode === 'void' ? (
        <form
          onSubmit={(submit) => {
            submit.preventDefault();
            void settle(() => voidEvent(getDb(), event.id, reason));
          }}
        >
          <TextAreaField
            label={t('review.voidReason')}
            hint={t('review.voidHint')}
            value={reason}
            onChange={(change) => setReason(change.target.value)}
          />
          <div className="form-actions">
            <Button type="submit" variant="primary">
              {t('review.confirmVoid')}
            </Button>
            <Button onClick={() => setMode('view')}>{t('common.close')}</Button>
          </div>
        </form>
      ) : null}
      {problems.length > 0 ? (
        <Notice tone="danger" role="alert" title={t('review.notSaved')}>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
    </li>
  );
}

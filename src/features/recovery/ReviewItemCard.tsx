import { useState } from 'react';
import type { FacilityTimeZone, RuntimeConfig } from '@/domain';
import { EventRejection } from '@/domain/sync/hubRefusals';
import {
  formatFacilityDateTime,
  paths,
  problemText,
  useMayRecord,
  useRuntimeConfig,
} from '@/features/common';
import { EVENT_LABEL } from '@/features/visits';
import { useT, type Translate } from '@/i18n';
import { hubRefusalText, useHubRefusalT } from '@/i18n/hubRefusals';
import { correctEvent, getDb, useEventSubject, voidEvent, type ReviewItem } from '@/storage';
import { Button } from '@/ui/Button';
import { SelectField, TextAreaField, TextField, type Option } from '@/ui/Field';
import { onLinkClick } from '@/ui/navigation';
import { Notice } from '@/ui/Notice';
import { FIELD_LABEL, isEditable, payloadLeaves, withEdits } from './payloadFields';
import { UsernameTakenReview } from './UsernameTakenReview';

function fieldLabel(t: Translate, path: string): string {
  const key = FIELD_LABEL[path];
  return key ? t(key) : path;
}

/** The poli or doctor choices from the configuration this device has, keeping a value it lacks. */
function codeOptions(
  t: Translate,
  config: RuntimeConfig | undefined,
  path: string,
  current: string,
  poliCode: string,
): Option[] | undefined {
  if (path !== 'poliCode' && path !== 'doctorCode') return undefined;
  const choices =
    path === 'poliCode'
      ? (config?.polis ?? [])
      : (config?.polis.find((poli) => poli.code === poliCode)?.doctors ?? []);
  const options = choices.map((choice) => ({ value: choice.code, label: choice.name }));
  return current === '' || options.some((option) => option.value === current)
    ? options
    : [{ value: current, label: t('review.notConfigured', { code: current }) }, ...options];
}

/** Who the refused record is about, as far as this device knows: patient, ticket, visit link. */
function ReviewSubject({ item }: { item: ReviewItem }) {
  const t = useT();
  const subject = useEventSubject(item.event);
  if (!subject?.patient && !subject?.visit) return null;
  const { patient, visit } = subject;
  const number = patient?.mrn
    ? t('patient.mrnValue', { mrn: patient.mrn })
    : patient?.tempNumber
      ? t('patient.tempValue', { number: patient.tempNumber })
      : undefined;
  return (
    <p className="review-card__subject">
      {[patient?.name, number, visit?.ticketLabel].filter(Boolean).join(' · ')}
      {visit ? (
        <>
          {' · '}
          <a href={paths.visit(visit.id)} onClick={onLinkClick}>
            {t('visit.openTimeline')}
          </a>
        </>
      ) : null}
    </p>
  );
}

/**
 * Why the hub refused it, in the reader's language: one sentence per refusal code (the hub's
 * English message is for its log, never shown). A refusal that needs its own explanation (a
 * taken username, say) gets a branch here keyed by its code and event type.
 */
function RefusalReason({ item, refusedField }: { item: ReviewItem; refusedField: string | undefined }) {
  const t = useT();
  const tr = useHubRefusalT();
  return (
    <p className="review-card__reason">
      {hubRefusalText(tr, item.error.code, { field: refusedField ? fieldLabel(t, refusedField) : '—' })}
    </p>
  );
}

type Settle = (action: () => ReturnType<typeof correctEvent>) => Promise<void>;

/** A corrected version of the refused event, the refused field flagged; sent as a new event. */
function CorrectionForm({
  item,
  refusedField,
  settle,
  onClose,
}: {
  item: ReviewItem;
  refusedField: string | undefined;
  settle: Settle;
  onClose: () => void;
}) {
  const t = useT();
  const config = useRuntimeConfig();
  const [edits, setEdits] = useState<Map<string, string>>(new Map());
  const { event } = item;
  const leaves = payloadLeaves(event.payload).filter((leaf) => isEditable(leaf.path, refusedField));
  const valueOf = (path: string) =>
    edits.get(path) ?? String(leaves.find((leaf) => leaf.path === path)?.value ?? '');
  return (
    <form
      onSubmit={(submit) => {
        submit.preventDefault();
        void settle(() => correctEvent(getDb(), event.id, withEdits(event.payload, edits)));
      }}
    >
      <p>{t('review.correctIntro')}</p>
      <div className="form-grid">
        {leaves.map((leaf) => {
          const flagged = leaf.path === refusedField;
          const common = {
            label: fieldLabel(t, leaf.path),
            className: flagged ? 'field--flagged' : undefined,
            hint: flagged ? t('review.flagged') : undefined,
            value: valueOf(leaf.path),
          };
          const update = (value: string) => {
            const next = new Map(edits).set(leaf.path, value);
            // Another poli has other doctors: the doctor must be chosen again.
            if (leaf.path === 'poliCode' && leaves.some((other) => other.path === 'doctorCode'))
              next.set('doctorCode', '');
            setEdits(next);
          };
          const options = codeOptions(t, config, leaf.path, common.value, valueOf('poliCode'));
          return options ? (
            <SelectField
              key={leaf.path}
              {...common}
              options={options}
              {...(common.value === '' ? { placeholder: t('review.choose') } : {})}
              onChange={(change) => update(change.target.value)}
            />
          ) : (
            <TextField key={leaf.path} {...common} onChange={(change) => update(change.target.value)} />
          );
        })}
      </div>
      <div className="form-actions">
        <Button type="submit" variant="primary">
          {t('review.sendCorrection')}
        </Button>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </div>
    </form>
  );
}

/** Voiding with a reason: nothing is deleted, the voiding is an event with who and why. */
function VoidForm({ item, settle, onClose }: { item: ReviewItem; settle: Settle; onClose: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  return (
    <form
      onSubmit={(submit) => {
        submit.preventDefault();
        void settle(() => voidEvent(getDb(), item.event.id, reason));
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
        <Button onClick={onClose}>{t('common.close')}</Button>
      </div>
    </form>
  );
}

/** Why it was refused, and the two ways to settle it: a corrected version, or a void with a reason. */
function SettleChoices({
  item,
  refusedField,
  mayCorrect,
  settle,
}: {
  item: ReviewItem;
  refusedField: string | undefined;
  mayCorrect: boolean;
  settle: Settle;
}) {
  const t = useT();
  const [mode, setMode] = useState<'view' | 'correct' | 'void'>('view');
  return (
    <>
      <RefusalReason item={item} refusedField={refusedField} />
      {mode === 'view' && mayCorrect ? (
        <div className="queue-item__actions">
          <Button variant="primary" onClick={() => setMode('correct')}>
            {t('review.correct')}
          </Button>
          <Button onClick={() => setMode('void')}>{t('review.void')}</Button>
        </div>
      ) : null}
      {mode === 'correct' ? (
        <CorrectionForm
          item={item}
          refusedField={refusedField}
          settle={settle}
          onClose={() => setMode('view')}
        />
      ) : null}
      {mode === 'void' ? <VoidForm item={item} settle={settle} onClose={() => setMode('view')} /> : null}
    </>
  );
}

/**
 * One event the hub refused: what it is about, why, and the two ways to settle it — send a
 * corrected version, or void it with a reason. Neither deletes anything.
 */
export function ReviewItemCard({ item, zone }: { item: ReviewItem; zone: FacilityTimeZone }) {
  const t = useT();
  const [problems, setProblems] = useState<string[]>([]);
  const { event, error } = item;
  const mayCorrect = useMayRecord()(event.type, 'correct');
  const refusedField = error.field?.replace(/^payload\./, '');

  const settle: Settle = async (action) => {
    const result = await action();
    if (!result.ok)
      setProblems(
        result.error.map(
          (problem) =>
            `${problem.field ? `${fieldLabel(t, problem.field.replace(/^payload\./, ''))}: ` : ''}${problemText(t, problem, zone)}`,
        ),
      );
  };

  return (
    <li className="review-card">
      <p className="review-card__head">
        <strong>{t(EVENT_LABEL[event.type])}</strong> {formatFacilityDateTime(event.occurredAt, zone)} ·{' '}
        {event.deviceCode}
      </p>
      <ReviewSubject item={item} />
      {event.type === 'user.created' && error.code === EventRejection.UsernameTaken ? (
        <UsernameTakenReview event={event} mayCorrect={mayCorrect} settle={settle} />
      ) : (
        <SettleChoices item={item} refusedField={refusedField} mayCorrect={mayCorrect} settle={settle} />
      )}
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

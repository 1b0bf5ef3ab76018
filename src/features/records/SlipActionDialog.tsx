import { useState } from 'react';
import { RETRIEVAL_SOURCES, type RetrievalSource, type SlipMoveInput } from '@/domain';
import { useT, type MessageKey } from '@/i18n';
import { Button } from '@/ui/Button';
import { CheckboxField, RadioGroup, TextField } from '@/ui/Field';

export const SOURCE_LABEL: Record<RetrievalSource, MessageKey> = {
  paper_folder: 'slip.source.paper_folder',
  softcopy_resume: 'slip.source.softcopy_resume',
  periodic_backup: 'slip.source.periodic_backup',
};

/** The details a records officer gives when the folder is found, or when it is sent to the poli. */
export function SlipActionForm({
  move,
  onSubmit,
  onCancel,
  error,
}: {
  move: 'found' | 'sent';
  onSubmit: (input: SlipMoveInput) => void;
  onCancel: () => void;
  error?: string | undefined;
}) {
  const t = useT();
  const [source, setSource] = useState<RetrievalSource>('paper_folder');
  const [backupDate, setBackupDate] = useState('');
  const [blankIssued, setBlankIssued] = useState(true);
  const [note, setNote] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(
          move === 'found'
            ? {
                move,
                source,
                ...(source === 'periodic_backup' && backupDate ? { backupSnapshotDate: backupDate } : {}),
                note,
              }
            : { move, rm12BlankIssued: blankIssued, note },
        );
      }}
    >
      {move === 'found' ? (
        <>
          <RadioGroup
            legend={t('slip.foundWhere')}
            name="retrieval-source"
            value={source}
            onChange={(value) => setSource(value as RetrievalSource)}
            options={RETRIEVAL_SOURCES.map((value) => ({ value, label: t(SOURCE_LABEL[value]) }))}
          />
          {source === 'periodic_backup' ? (
            <TextField
              label={t('slip.backupDate')}
              hint={t('slip.backupDateHint')}
              type="date"
              value={backupDate}
              onChange={(event) => setBackupDate(event.target.value)}
              error={error}
            />
          ) : null}
        </>
      ) : (
        <CheckboxField
          label={t('slip.rm12Issued')}
          checked={blankIssued}
          onChange={(event) => setBlankIssued(event.target.checked)}
        />
      )}
      <TextField
        label={t('slip.note')}
        hint={t('visit.optional')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      {error && !(move === 'found' && source === 'periodic_backup') ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="primary">
          {t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.close')}</Button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import {
  BACKUP_FILE_EXTENSION,
  newPassphraseProblem,
  Reason,
  type EventType,
  type NewPassphraseProblem,
} from '@/domain';
import { formatFacilityDateTime, NewPassphraseFields, useRuntimeConfig } from '@/features/common';
import { useT, type MessageKey } from '@/i18n';
import {
  exportBackup,
  getDb,
  importBackup,
  usePendingCount,
  type BackupImportProblem,
  type BackupImportReport,
} from '@/storage';
import { Button } from '@/ui/Button';
import { TextField } from '@/ui/Field';
import { Notice } from '@/ui/Notice';

/**
 * For the tablet that is about to die: its unsynced events go into a file only a passphrase
 * opens, and another device adds them to its own journal. Nothing in the file name or header
 * names a patient.
 */
export function BackupSettings() {
  return (
    <section aria-labelledby="settings-backup">
      <BackupHeading />
      <ExportForm />
      <ImportForm />
    </section>
  );
}

function BackupHeading() {
  const t = useT();
  return (
    <>
      <h2 id="settings-backup">{t('backup.title')}</h2>
      <p>{t('backup.intro')}</p>
    </>
  );
}

function fileNameFor(deviceCode: string, exportedAt: string): string {
  const stamp = exportedAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `siaga-cadangan-${deviceCode}-${stamp}${BACKUP_FILE_EXTENSION}`;
}

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

function ExportForm() {
  const t = useT();
  const pending = usePendingCount();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<NewPassphraseProblem | undefined>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ count: number; fileName: string } | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    const found = newPassphraseProblem(passphrase, again);
    if (found) return setProblem(found);
    setProblem(undefined);
    setBusy(true);
    const exported = await exportBackup(getDb(), passphrase);
    setBusy(false);
    if (!exported.ok) return setProblem({ field: 'passphrase', reason: Reason.DeviceLocked });
    const fileName = fileNameFor(exported.value.header.deviceCode, exported.value.header.exportedAt);
    download(exported.value.fileText, fileName);
    setPassphrase('');
    setAgain('');
    setDone({ count: exported.value.header.eventCount, fileName });
  };

  return (
    <form
      className="form-card"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="backup-export"
    >
      <h3 id="backup-export">{t('backup.export.title')}</h3>
      <p>{t('backup.export.intro', { count: pending ?? 0 })}</p>
      <NewPassphraseFields
        label={t('backup.passphrase')}
        hint={t('backup.passphraseHint')}
        passphrase={passphrase}
        again={again}
        onPassphrase={setPassphrase}
        onAgain={setAgain}
        problem={problem}
      />
      {done ? (
        <Notice tone="success" title={t('backup.export.done', { count: done.count })}>
          <p>{t('backup.export.doneBody', { fileName: done.fileName })}</p>
        </Notice>
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('backup.working') : t('backup.export.submit')}
        </Button>
      </div>
    </form>
  );
}

const IMPORT_PROBLEM: Record<BackupImportProblem, MessageKey> = {
  unreadable: 'backup.import.unreadable',
  notSiaga: 'backup.import.notSiaga',
  invalid: 'backup.import.invalid',
  wrongPassphrase: 'backup.import.wrongPassphrase',
};

function ImportForm() {
  const t = useT();
  const zone = useRuntimeConfig()?.facility.timeZone;
  const [file, setFile] = useState<File | undefined>();
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<MessageKey | undefined>();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<BackupImportReport | undefined>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setReport(undefined);
    if (!file) return setProblem('backup.import.chooseFile');
    setBusy(true);
    const outcome = await importBackup(getDb(), await file.text(), passphrase);
    setBusy(false);
    if (!outcome.ok) return setProblem(IMPORT_PROBLEM[outcome.error]);
    setProblem(undefined);
    setPassphrase('');
    setReport(outcome.value);
  };

  return (
    <form
      className="form-card"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="backup-import"
    >
      <h3 id="backup-import">{t('backup.import.title')}</h3>
      <TextField
        label={t('backup.import.file')}
        type="file"
        accept={`${BACKUP_FILE_EXTENSION},application/json`}
        error={problem === 'backup.import.chooseFile' ? t(problem) : undefined}
        onChange={(event) => setFile(event.target.files?.[0])}
      />
      <TextField
        label={t('backup.passphrase')}
        type="password"
        autoComplete="off"
        error={problem && problem !== 'backup.import.chooseFile' ? t(problem) : undefined}
        value={passphrase}
        onChange={(event) => setPassphrase(event.target.value)}
      />
      {report ? (
        <Notice
          tone="success"
          title={t('backup.import.done', { added: report.added, present: report.alreadyPresent })}
        >
          <p>
            {t('backup.import.from', {
              device: report.header.deviceCode,
              time: formatFacilityDateTime(report.header.exportedAt, zone ?? 'Asia/Jakarta'),
            })}
          </p>
          {report.added > 0 ? (
            <ul aria-label={t('backup.import.addedList')}>
              {Object.entries(report.addedByType).map(([type, count]) => (
                <li key={type}>
                  {t('backup.import.typeCount', { type: t(`event.${type as EventType}`), count })}
                </li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      <div className="form-actions">
        <Button type="submit" disabled={busy}>
          {busy ? t('backup.working') : t('backup.import.submit')}
        </Button>
      </div>
    </form>
  );
}

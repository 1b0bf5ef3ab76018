import { useId, useState } from 'react';
import { formatFacilityDateTime, useRuntimeConfig } from '@/features/common';
import { useT, type MessageKey } from '@/i18n';
import { useHubCredentials } from '@/storage';
import type { EnrollFailure } from '@/sync';
import { Button } from '@/ui/Button';
import { Notice } from '@/ui/Notice';
import type { Result } from '@/lib/result';

const FAILURE_TEXT: Record<EnrollFailure, MessageKey> = {
  deviceNotSetUp: 'enroll.deviceNotSetUp',
  codeInvalid: 'enroll.codeInvalid',
  deviceCodeTaken: 'enroll.deviceCodeTaken',
  hubUnreachable: 'enroll.hubUnreachable',
  hubError: 'enroll.hubError',
};

/** Connects this device to the hub with the code from the hub's console [P1]. */
export function HubEnrollment({
  onEnroll,
}: {
  onEnroll: (code: string) => Promise<Result<{ deviceCode: string }, EnrollFailure>>;
}) {
  const t = useT();
  const inputId = useId();
  const credentials = useHubCredentials();
  const config = useRuntimeConfig();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: true } | { ok: false; failure: EnrollFailure } | undefined>();
  if (credentials === undefined) return null;
  return (
    <section aria-labelledby="settings-hub-enrollment">
      <h2 id="settings-hub-enrollment">{t('enroll.title')}</h2>
      <p>
        {credentials
          ? t('enroll.enrolled', {
              device: credentials.deviceCode,
              time: config
                ? formatFacilityDateTime(credentials.enrolledAt, config.facility.timeZone)
                : credentials.enrolledAt,
            })
          : t('enroll.notEnrolled')}
      </p>
      <form
        className="form-row"
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          void onEnroll(code).then((result) => {
            setBusy(false);
            setOutcome(result.ok ? { ok: true } : { ok: false, failure: result.error });
            if (result.ok) setCode('');
          });
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>{t('enroll.code')}</label>
          <input
            id={inputId}
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            onChange={(event) => setCode(event.target.value)}
          />
          <p className="field__hint">{t('enroll.codeHint')}</p>
        </div>
        <Button
          type="submit"
          variant="primary"
          className="form-row__action"
          disabled={busy || code.trim().length < 4}
        >
          {t(credentials ? 'enroll.again' : 'enroll.submit')}
        </Button>
      </form>
      {outcome?.ok ? <Notice tone="success" role="status" title={t('enroll.done')} /> : null}
      {outcome && !outcome.ok ? (
        <Notice tone="danger" role="alert" title={t(FAILURE_TEXT[outcome.failure])} />
      ) : null}
    </section>
  );
}

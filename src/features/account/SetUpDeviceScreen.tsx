import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DEVICE_CODE_PATTERN, newPassphraseProblem, Reason, USERNAME_PATTERN } from '@/domain';
import { NewPassphraseFields, newPassphraseProblemOf, reasonText } from '@/features/common';
import { useT, type MessageKey } from '@/i18n';
import type { JoinFailure, Session } from '@/session';
import { Button } from '@/ui/Button';
import { TextField } from '@/ui/Field';
import { Notice } from '@/ui/Notice';

type Fields = {
  deviceCode: string;
  displayName: string;
  username: string;
  passphrase: string;
  again: string;
};

function problemsOf(fields: Fields): Partial<Record<keyof Fields, string>> {
  const problems: Partial<Record<keyof Fields, string>> = {};
  if (!DEVICE_CODE_PATTERN.test(fields.deviceCode)) problems.deviceCode = Reason.InvalidFormat;
  if (fields.displayName.trim().length < 2) problems.displayName = Reason.TooShort;
  if (!USERNAME_PATTERN.test(fields.username)) problems.username = Reason.UsernameFormat;
  const passphrase = newPassphraseProblem(fields.passphrase, fields.again, fields.username);
  if (passphrase) problems[passphrase.field] = passphrase.reason;
  return problems;
}

type SetUpProps = { session: Session; existingDeviceCode: string | undefined; configReady: boolean };

const deviceCodeOf = (typed: string) => typed.trim().toUpperCase();

/**
 * First run, done by IT. A hospital's devices share one hub and one set of accounts, so a new
 * device first offers to join that hub (and then someone signs in with their existing account).
 * Only the very first device, or a hospital without a hub, creates a local admin account here.
 * Either way a random key for this device's data is made; nothing is stored in the clear.
 */
export function SetUpDeviceScreen({ session, existingDeviceCode, configReady }: SetUpProps) {
  const t = useT();
  const [local, setLocal] = useState(false);
  return (
    <section className="gate" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('account.setup.title')}</h1>
      <p>{existingDeviceCode ? t('account.setup.introExisting') : t('account.setup.intro')}</p>
      {configReady ? null : <Notice tone="warning" title={t('reason.configMissing')} />}
      <JoinHubForm session={session} existingDeviceCode={existingDeviceCode} />
      <section className="form-card" aria-labelledby="setup-local-title">
        <h2 id="setup-local-title">{t('account.setup.localTitle')}</h2>
        <p>{t('account.setup.localIntro')}</p>
        {local ? (
          <LocalAdminForm
            session={session}
            existingDeviceCode={existingDeviceCode}
            configReady={configReady}
          />
        ) : (
          <Button onClick={() => setLocal(true)}>{t('account.setup.showLocal')}</Button>
        )}
      </section>
    </section>
  );
}

const JOIN_FAILURE: Record<
  JoinFailure,
  { field: 'deviceCode' | 'enrollmentCode' | 'form'; text: MessageKey }
> = {
  codeInvalid: { field: 'enrollmentCode', text: 'account.setup.codeInvalid' },
  deviceCodeTaken: { field: 'deviceCode', text: 'account.setup.deviceCodeTaken' },
  hubUnreachable: { field: 'form', text: 'account.setup.hubUnreachable' },
  hubError: { field: 'form', text: 'account.setup.hubError' },
  deviceNotSetUp: { field: 'form', text: 'account.setup.hubError' },
  alreadySetUp: { field: 'form', text: 'account.setup.hubError' },
};

/** The usual way: this device joins the hospital's hub with the code IT gives. */
function JoinHubForm({
  session,
  existingDeviceCode,
}: {
  session: Session;
  existingDeviceCode: string | undefined;
}) {
  const t = useT();
  const [deviceCode, setDeviceCode] = useState(existingDeviceCode ?? '');
  const [enrollmentCode, setEnrollmentCode] = useState('');
  const [problem, setProblem] = useState<{ field: 'deviceCode' | 'enrollmentCode' | 'form'; text: string }>();
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // After a refusal the cursor goes to the field that must change, as for every form error.
  useEffect(() => {
    if (problem) form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [problem]);
  const errorAt = (field: 'deviceCode' | 'enrollmentCode') =>
    problem?.field === field ? problem.text : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const code = deviceCodeOf(deviceCode);
    if (!DEVICE_CODE_PATTERN.test(code)) {
      setProblem({ field: 'deviceCode', text: reasonText(t, Reason.InvalidFormat) });
      return;
    }
    if (enrollmentCode.trim().length < 4) {
      setProblem({ field: 'enrollmentCode', text: reasonText(t, Reason.Required) });
      return;
    }
    setBusy(true);
    setProblem(undefined);
    const outcome = await session.joinHub({ deviceCode: code, enrollmentCode: enrollmentCode.trim() });
    setBusy(false);
    if (outcome.ok) return; // the session moves on to the sign-in
    const failure = JOIN_FAILURE[outcome.error];
    setProblem({ field: failure.field, text: t(failure.text, { code }) });
  };

  return (
    <form
      ref={form}
      className="form-card"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="setup-join-title"
    >
      <h2 id="setup-join-title">{t('account.setup.joinTitle')}</h2>
      <p>{t('account.setup.joinIntro')}</p>
      <TextField
        label={t('setup.deviceCode')}
        hint={t('setup.deviceCodeHint')}
        error={errorAt('deviceCode')}
        autoCapitalize="characters"
        autoComplete="off"
        maxLength={3}
        value={deviceCode}
        onChange={(event) => setDeviceCode(deviceCodeOf(event.target.value))}
        readOnly={existingDeviceCode !== undefined}
      />
      <TextField
        label={t('account.setup.enrollmentCode')}
        hint={t('account.setup.enrollmentCodeHint')}
        error={errorAt('enrollmentCode')}
        autoCapitalize="characters"
        autoComplete="off"
        value={enrollmentCode}
        onChange={(event) => setEnrollmentCode(event.target.value)}
      />
      {problem?.field === 'form' ? <Notice tone="danger" role="alert" title={problem.text} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t('account.setup.joining') : t('account.setup.joinSubmit')}
        </Button>
      </div>
    </form>
  );
}

/** The very first device (or no hub): the device's code and its own first account, an admin. */
function LocalAdminForm({ session, existingDeviceCode, configReady }: SetUpProps) {
  const t = useT();
  const [fields, setFields] = useState<Fields>({
    deviceCode: existingDeviceCode ?? '',
    displayName: '',
    username: '',
    passphrase: '',
    again: '',
  });
  const [shown, setShown] = useState<Partial<Record<keyof Fields, string>>>({});
  const [busy, setBusy] = useState(false);
  const set = (name: keyof Fields) => (event: { target: { value: string } }) =>
    setFields({
      ...fields,
      [name]: name === 'deviceCode' ? deviceCodeOf(event.target.value) : event.target.value,
    });
  const error = (name: keyof Fields) => (shown[name] ? reasonText(t, shown[name]) : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = problemsOf({ ...fields, username: fields.username.trim().toLowerCase() });
    setShown(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    const outcome = await session.setUpDevice({
      deviceCode: fields.deviceCode,
      displayName: fields.displayName.trim(),
      username: fields.username.trim().toLowerCase(),
      passphrase: fields.passphrase,
    });
    setBusy(false);
    if (!outcome.ok) setShown({ passphrase: outcome.error });
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <TextField
        label={t('setup.deviceCode')}
        hint={t('setup.deviceCodeHint')}
        error={error('deviceCode')}
        autoCapitalize="characters"
        maxLength={3}
        value={fields.deviceCode}
        onChange={set('deviceCode')}
        readOnly={existingDeviceCode !== undefined}
      />
      <TextField
        label={t('account.adminName')}
        error={error('displayName')}
        autoComplete="name"
        value={fields.displayName}
        onChange={set('displayName')}
      />
      <TextField
        label={t('account.username')}
        hint={t('account.usernameHint')}
        error={error('username')}
        autoComplete="username"
        autoCapitalize="none"
        value={fields.username}
        onChange={set('username')}
      />
      <NewPassphraseFields
        label={t('account.passphrase')}
        hint={t('account.passphraseHint')}
        passphrase={fields.passphrase}
        again={fields.again}
        onPassphrase={(passphrase) => setFields({ ...fields, passphrase })}
        onAgain={(again) => setFields({ ...fields, again })}
        problem={newPassphraseProblemOf(shown)}
      />
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={busy || !configReady}>
          {busy ? t('account.setup.working') : t('account.setup.submit')}
        </Button>
      </div>
    </form>
  );
}

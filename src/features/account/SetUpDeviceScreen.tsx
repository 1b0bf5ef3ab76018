import { useState, type FormEvent } from 'react';
import { DEVICE_CODE_PATTERN, newPassphraseProblem, Reason, USERNAME_PATTERN } from '@/domain';
import { NewPassphraseFields, newPassphraseProblemOf, reasonText } from '@/features/common';
import { useT } from '@/i18n';
import type { Session } from '@/session';
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

/**
 * First run, done by IT: the device's code and its first account, an administrator. A random
 * key for this device's data is made and protected by that passphrase; nothing is stored in
 * the clear from here on. A device used before accounts existed keeps its code and its data,
 * which is encrypted during the first sign-in.
 */
export function SetUpDeviceScreen({
  session,
  existingDeviceCode,
  configReady,
}: {
  session: Session;
  existingDeviceCode: string | undefined;
  configReady: boolean;
}) {
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
      [name]: name === 'deviceCode' ? event.target.value.trim().toUpperCase() : event.target.value,
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
    <section className="gate" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('account.setup.title')}</h1>
      <p>{existingDeviceCode ? t('account.setup.introExisting') : t('account.setup.intro')}</p>
      {configReady ? null : <Notice tone="warning" title={t('reason.configMissing')} />}
      <form className="form-card" noValidate onSubmit={(event) => void submit(event)}>
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
    </section>
  );
}

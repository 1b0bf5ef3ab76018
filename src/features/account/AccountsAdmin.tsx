import { useState, type FormEvent } from 'react';
import { newPassphraseProblem, Reason, ROLES, USERNAME_PATTERN, type Role, type UserAccount } from '@/domain';
import { NewPassphraseFields, newPassphraseProblemOf, reasonText } from '@/features/common';
import { useT } from '@/i18n';
import type { AccountActions } from '@/session';
import { useUsers } from '@/storage';
import { Button } from '@/ui/Button';
import { SelectField, TextField } from '@/ui/Field';
import { Notice } from '@/ui/Notice';
import { ROLE_LABEL } from './roleLabels';

type NewAccount = { displayName: string; username: string; role: Role; passphrase: string; again: string };
const EMPTY: NewAccount = { displayName: '', username: '', role: 'registration', passphrase: '', again: '' };

/**
 * IT's account administration, also with the hub unreachable: accounts are events, synced to the
 * hub and every device. A new account can sign in on this device at once; elsewhere its first
 * sign-in asks the hub.
 */
export function AccountsAdmin({
  accounts,
  currentUserId,
}: {
  accounts: AccountActions;
  currentUserId: string;
}) {
  const t = useT();
  const users = useUsers();
  return (
    <section aria-labelledby="accounts-admin">
      <h2 id="accounts-admin">{t('account.admin.title')}</h2>
      <p>{t('account.admin.intro')}</p>
      <CreateAccountForm accounts={accounts} />
      <ul className="account-list" aria-label={t('account.admin.listLabel')}>
        {(users ?? []).map((user) => (
          <AccountRow key={user.id} user={user} accounts={accounts} isSelf={user.id === currentUserId} />
        ))}
      </ul>
    </section>
  );
}

function CreateAccountForm({ accounts }: { accounts: AccountActions }) {
  const t = useT();
  const [fields, setFields] = useState<NewAccount>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<keyof NewAccount | '', string>>>({});
  const [created, setCreated] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const set = (name: keyof NewAccount) => (event: { target: { value: string } }) =>
    setFields({ ...fields, [name]: event.target.value });
  const error = (name: keyof NewAccount) => (problems[name] ? reasonText(t, problems[name]) : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const username = fields.username.trim().toLowerCase();
    const found: typeof problems = {};
    if (fields.displayName.trim().length < 2) found.displayName = Reason.TooShort;
    if (!USERNAME_PATTERN.test(username)) found.username = Reason.UsernameFormat;
    const passphrase = newPassphraseProblem(fields.passphrase, fields.again, username);
    if (passphrase) found[passphrase.field] = passphrase.reason;
    setProblems(found);
    setCreated(undefined);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const outcome = await accounts.createUser({
      displayName: fields.displayName.trim(),
      username,
      role: fields.role,
      passphrase: fields.passphrase,
    });
    setBusy(false);
    if (!outcome.ok) {
      setProblems(Object.fromEntries(outcome.error.map((problem) => [problem.field, problem.reason])));
      return;
    }
    setCreated(fields.displayName.trim());
    setFields(EMPTY);
  };

  return (
    <form
      className="form-card"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="new-account"
    >
      <h3 id="new-account">{t('account.admin.create')}</h3>
      <div className="form-grid">
        <TextField
          label={t('account.displayName')}
          error={error('displayName')}
          value={fields.displayName}
          onChange={set('displayName')}
        />
        <TextField
          label={t('account.username')}
          hint={t('account.usernameHint')}
          error={error('username')}
          autoCapitalize="none"
          autoComplete="off"
          value={fields.username}
          onChange={set('username')}
        />
        <SelectField
          label={t('setup.role')}
          value={fields.role}
          onChange={set('role')}
          options={ROLES.map((role) => ({ value: role, label: t(ROLE_LABEL[role]) }))}
        />
        <NewPassphraseFields
          label={t('account.initialPassphrase')}
          hint={t('account.passphraseHint')}
          passphrase={fields.passphrase}
          again={fields.again}
          onPassphrase={(passphrase) => setFields({ ...fields, passphrase })}
          onAgain={(again) => setFields({ ...fields, again })}
          problem={newPassphraseProblemOf(problems)}
        />
      </div>
      {problems[''] ? <Notice tone="danger" role="alert" title={reasonText(t, problems[''])} /> : null}
      {created ? <Notice tone="success" title={t('account.admin.created', { name: created })} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('account.admin.createSubmit')}
        </Button>
      </div>
    </form>
  );
}

function AccountRow({
  user,
  accounts,
  isSelf,
}: {
  user: UserAccount;
  accounts: AccountActions;
  isSelf: boolean;
}) {
  const t = useT();
  const [mode, setMode] = useState<'view' | 'reset' | 'deactivate'>('view');
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();

  const reset = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await accounts.setPassphrase(user.id, user.username, passphrase);
    if (!outcome.ok) return setProblem(outcome.error[0]?.reason);
    setPassphrase('');
    setProblem(undefined);
    setMode('view');
    setDone(t('account.admin.resetDone', { name: user.displayName }));
  };

  return (
    <li className="account-row">
      <p>
        <strong>{user.displayName}</strong> · {user.username} · {t(ROLE_LABEL[user.role])} ·{' '}
        {user.active ? t('account.admin.active') : t('account.admin.inactive')}
      </p>
      {user.active && !isSelf ? (
        <div className="form-actions">
          <SelectField
            label={t('account.admin.roleOf', { name: user.displayName })}
            value={user.role}
            onChange={(event) => void accounts.changeRole(user.id, event.target.value as Role)}
            options={ROLES.map((role) => ({ value: role, label: t(ROLE_LABEL[role]) }))}
          />
          <Button onClick={() => setMode('reset')}>{t('account.admin.reset')}</Button>
          <Button onClick={() => setMode('deactivate')}>{t('account.admin.deactivate')}</Button>
        </div>
      ) : null}
      {mode === 'reset' ? (
        <form noValidate onSubmit={(event) => void reset(event)}>
          <TextField
            label={t('account.newPassphraseFor', { name: user.displayName })}
            hint={t('account.passphraseHint')}
            type="password"
            autoComplete="new-password"
            error={problem ? reasonText(t, problem) : undefined}
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
          />
          <div className="form-actions">
            <Button type="submit" variant="primary">
              {t('account.admin.resetSubmit')}
            </Button>
            <Button onClick={() => setMode('view')}>{t('common.close')}</Button>
          </div>
        </form>
      ) : null}
      {mode === 'deactivate' ? (
        <Notice
          tone="warning"
          role="alert"
          title={t('account.admin.deactivateConfirm', { name: user.displayName })}
          actions={
            <>
              <Button
                variant="primary"
                onClick={() => void accounts.deactivate(user.id).then(() => setMode('view'))}
              >
                {t('account.admin.deactivate')}
              </Button>
              <Button onClick={() => setMode('view')}>{t('common.close')}</Button>
            </>
          }
        />
      ) : null}
      {done ? <Notice tone="success" title={done} /> : null}
    </li>
  );
}

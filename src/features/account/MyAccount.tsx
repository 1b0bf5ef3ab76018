import { useState, type FormEvent } from 'react';
import { newPassphraseProblem, type NewPassphraseProblem } from '@/domain';
import { NewPassphraseFields, reasonText } from '@/features/common';
import { useT } from '@/i18n';
import type { AccountActions, Session, SessionUser } from '@/session';
import { usePendingCount } from '@/storage';
import { Button } from '@/ui/Button';
import { TextField } from '@/ui/Field';
import { Notice } from '@/ui/Notice';
import { ROLE_LABEL } from './roleLabels';

/** The signed-in person: lock, sign out, own passphrase and screen-unlock PIN. */
export function MyAccount({
  session,
  accounts,
  user,
}: {
  session: Session;
  accounts: AccountActions;
  user: SessionUser;
}) {
  const t = useT();
  const pending = usePendingCount();
  const [confirmSignOut, setConfirmSignOut] = useState(false);
  return (
    <section aria-labelledby="my-account">
      <h2 id="my-account">{t('account.mine.title')}</h2>
      <p>
        {t('account.mine.signedInAs', {
          name: user.displayName,
          username: user.username,
          role: t(ROLE_LABEL[user.role]),
        })}
      </p>
      <div className="form-actions">
        <Button onClick={() => void session.lock('manual')}>{t('account.mine.lockNow')}</Button>
        <Button
          onClick={() => {
            if ((pending ?? 0) > 0 && !confirmSignOut) setConfirmSignOut(true);
            else void session.signOut();
          }}
        >
          {t('account.mine.signOut')}
        </Button>
      </div>
      {confirmSignOut ? (
        <Notice
          tone="warning"
          role="alert"
          title={t('account.mine.unsyncedTitle', { count: pending ?? 0 })}
          actions={
            <>
              <Button variant="primary" onClick={() => void session.signOut()}>
                {t('account.mine.signOutAnyway')}
              </Button>
              <Button onClick={() => setConfirmSignOut(false)}>{t('common.close')}</Button>
            </>
          }
        >
          <p>{t('account.mine.unsyncedBody')}</p>
        </Notice>
      ) : null}
      <PassphraseForm accounts={accounts} user={user} />
      <PinForm session={session} />
    </section>
  );
}

function PassphraseForm({ accounts, user }: { accounts: AccountActions; user: SessionUser }) {
  const t = useT();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<NewPassphraseProblem | undefined>();
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const found = newPassphraseProblem(passphrase, again, user.username);
    if (found) return setProblem(found);
    const outcome = await accounts.setPassphrase(user.userId, user.username, passphrase);
    const refused = outcome.ok ? undefined : outcome.error[0];
    if (refused) return setProblem({ field: 'passphrase', reason: refused.reason });
    setProblem(undefined);
    setPassphrase('');
    setAgain('');
    setDone(true);
  };
  return (
    <form
      className="form-card"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="change-passphrase"
    >
      <h3 id="change-passphrase">{t('account.mine.changePassphrase')}</h3>
      <NewPassphraseFields
        label={t('account.newPassphrase')}
        hint={t('account.passphraseHint')}
        passphrase={passphrase}
        again={again}
        onPassphrase={setPassphrase}
        onAgain={setAgain}
        problem={problem}
      />
      {done ? <Notice tone="success" title={t('account.mine.passphraseChanged')} /> : null}
      <div className="form-actions">
        <Button type="submit">{t('account.mine.savePassphrase')}</Button>
      </div>
    </form>
  );
}

function PinForm({ session }: { session: Session }) {
  const t = useT();
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await session.setPin(pin);
    setPin('');
    setDone(outcome.ok);
    setProblem(outcome.ok ? undefined : outcome.error);
  };
  return (
    <form className="form-card" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="set-pin">
      <h3 id="set-pin">{t('account.mine.pinTitle')}</h3>
      <p>{t('account.mine.pinIntro')}</p>
      <TextField
        label={t('account.pin')}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={6}
        error={problem ? reasonText(t, problem) : undefined}
        value={pin}
        onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
      />
      {done ? <Notice tone="success" title={t('account.mine.pinSaved')} /> : null}
      <div className="form-actions">
        <Button type="submit">{t('account.mine.savePin')}</Button>
      </div>
    </form>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { useT, type MessageKey } from '@/i18n';
import type { Session, SignInFailure } from '@/session';
import { Button } from '@/ui/Button';
import { TextField } from '@/ui/Field';
import { Notice } from '@/ui/Notice';

function failureText(failure: SignInFailure): { key: MessageKey; seconds?: number } {
  switch (failure.reason) {
    case 'wrongPassphrase':
      return { key: 'account.signIn.wrong' };
    case 'wait':
      return { key: 'account.signIn.wait', seconds: Math.ceil(failure.waitMs / 1_000) };
    case 'hubNeeded':
      return { key: 'account.signIn.hubNeeded' };
    case 'noSigningKey':
      return { key: 'account.signIn.noSigningKey' };
    case 'hub':
      switch (failure.detail) {
        case 'unreachable':
          return { key: 'account.signIn.hubUnreachable' };
        case 'notEscrowed':
          return { key: 'account.signIn.notEscrowed' };
        case 'wait':
          return { key: 'account.signIn.wait', seconds: Math.ceil((failure.waitMs ?? 60_000) / 1_000) };
        default:
          return { key: 'account.signIn.hubFailed' };
      }
  }
}

/** Marked when the sign-in form is on screen and answers input; read by bench/startup.bench.ts. */
const SIGN_IN_READY_MARK = 'siaga:sign-in-ready';

/** Sign-in on a shared device: each person with their own passphrase. */
export function SignInScreen({ session, username: knownUsername }: { session: Session; username?: string }) {
  const t = useT();
  const [username, setUsername] = useState(knownUsername ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [failure, setFailure] = useState<SignInFailure | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // Start-up time as a person at the desk feels it: the form is there and takes typing.
    performance.mark(SIGN_IN_READY_MARK);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    const outcome = await session.signIn(username, passphrase);
    setBusy(false);
    if (!outcome.ok) {
      setFailure(outcome.error);
      setPassphrase('');
    }
  };
  const text = failure ? failureText(failure) : undefined;

  return (
    <form className="form-card" noValidate onSubmit={(event) => void submit(event)}>
      <TextField
        label={t('account.username')}
        autoComplete="username"
        autoCapitalize="none"
        value={username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <TextField
        label={t('account.passphrase')}
        type="password"
        autoComplete="current-password"
        value={passphrase}
        onChange={(event) => setPassphrase(event.target.value)}
      />
      {text ? (
        <Notice tone="danger" role="alert" title={t(text.key, { seconds: text.seconds ?? 0 })} />
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={busy || !username || !passphrase}>
          {busy ? t('account.signIn.working') : t('account.signIn.submit')}
        </Button>
      </div>
    </form>
  );
}

/** `joined`: the device code of a device that has just joined the hub (its first sign-in). */
export function SignInGate({ session, joined }: { session: Session; joined?: string | undefined }) {
  const t = useT();
  return (
    <section className="gate" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('account.signIn.title')}</h1>
      {joined ? (
        <Notice tone="success" role="status" title={t('account.setup.joined', { device: joined })} />
      ) : null}
      <p>{t('account.signIn.intro')}</p>
      <SignInScreen session={session} />
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useT, type MessageKey } from '@/i18n';
import type { LockReason, Session, SessionUser } from '@/session';
import { Button } from '@/ui/Button';
import { TextField } from '@/ui/Field';
import { Notice } from '@/ui/Notice';
import { SignInScreen } from './SignInScreen';

const REASON_TEXT: Record<LockReason, MessageKey> = {
  idle: 'account.lock.idle',
  hidden: 'account.lock.hidden',
  manual: 'account.lock.manual',
};

/**
 * The locked screen: patient data is gone from memory and from the screen until the same person
 * comes back (PIN, or passphrase) or someone else signs in instead.
 */
export function LockScreen({
  session,
  user,
  reason,
  pin: pinAvailable,
}: {
  session: Session;
  user: SessionUser;
  reason: LockReason;
  pin: boolean;
}) {
  const t = useT();
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<MessageKey | undefined>();

  const resume = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await session.resumeWithPin(pin);
    setPin('');
    if (!outcome.ok)
      setProblem(outcome.error === 'wrongPin' ? 'account.lock.wrongPin' : 'account.lock.pinExhausted');
  };

  return (
    <section className="gate" aria-labelledby="lock-title">
      <h1 id="lock-title">{t('account.lock.title')}</h1>
      <p>{t(REASON_TEXT[reason], { name: user.displayName })}</p>
      {pinAvailable ? (
        <form className="form-card" noValidate onSubmit={(event) => void resume(event)}>
          <TextField
            label={t('account.pin')}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={pin}
            onChange={(event) => setPin(event.target.value.replace(/\D/g, ''))}
          />
          {problem ? <Notice tone="danger" role="alert" title={t(problem)} /> : null}
          <div className="form-actions">
            <Button type="submit" variant="primary" disabled={pin.length !== 6}>
              {t('account.lock.unlock')}
            </Button>
          </div>
        </form>
      ) : (
        <>
          {problem ? <Notice tone="warning" role="alert" title={t(problem)} /> : null}
          <SignInScreen session={session} username={user.username} />
        </>
      )}
      <div className="form-actions">
        <Button onClick={() => void session.signOut()}>{t('account.lock.switchUser')}</Button>
      </div>
    </section>
  );
}

import { useState } from 'react';
import { Reason, USERNAME_PATTERN, type EventOf } from '@/domain';
import { reasonText } from '@/features/common';
import { useT } from '@/i18n';
import { correctEvent, getDb } from '@/storage';
import { Button } from '@/ui/Button';
import { TextField } from '@/ui/Field';

type Settle = (action: () => ReturnType<typeof correctEvent>) => Promise<void>;

/**
 * An account made on this device while the hub was out of reach, under a username another
 * account already holds [P21, P29]. There is one thing to decide — another username — so that is
 * all this asks: the correction keeps the account's id, name, role and passphrase (whose
 * verifier and salt are never shown), and this device's key stays wrapped for it.
 */
export function UsernameTakenReview({
  event,
  mayCorrect,
  settle,
}: {
  event: EventOf<'user.created'>;
  mayCorrect: boolean;
  settle: Settle;
}) {
  const t = useT();
  const { username: taken, displayName: name } = event.payload;
  const [username, setUsername] = useState('');
  const [problem, setProblem] = useState<string>();
  return (
    <>
      <p className="review-card__reason">{t('review.usernameTaken', { username: taken, name })}</p>
      {mayCorrect ? (
        <form
          noValidate
          onSubmit={(submit) => {
            submit.preventDefault();
            const chosen = username.trim().toLowerCase();
            if (!USERNAME_PATTERN.test(chosen)) return setProblem(reasonText(t, Reason.UsernameFormat));
            if (chosen === taken) return setProblem(t('review.sameUsername', { username: taken }));
            setProblem(undefined);
            void settle(() => correctEvent(getDb(), event.id, { ...event.payload, username: chosen }));
          }}
        >
          <TextField
            label={t('review.newUsername', { name })}
            hint={t('account.usernameHint')}
            error={problem}
            autoComplete="off"
            autoCapitalize="none"
            value={username}
            onChange={(change) => setUsername(change.target.value)}
          />
          <div className="form-actions">
            <Button type="submit" variant="primary">
              {t('review.saveUsername')}
            </Button>
          </div>
        </form>
      ) : null}
    </>
  );
}

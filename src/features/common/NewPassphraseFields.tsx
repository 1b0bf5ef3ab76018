import type { NewPassphraseProblem } from '@/domain';
import { useT } from '@/i18n';
import { TextField } from '@/ui/Field';
import { reasonText } from './problemText';

/**
 * A new passphrase and its repetition, as every form that sets one asks for them: password
 * inputs that password managers treat as new, the policy as the hint, each error under its field.
 */
export function NewPassphraseFields({
  label,
  hint,
  passphrase,
  again,
  onPassphrase,
  onAgain,
  problem,
}: {
  label: string;
  hint: string;
  passphrase: string;
  again: string;
  onPassphrase: (value: string) => void;
  onAgain: (value: string) => void;
  /** From `newPassphraseProblem`, or the same shape from a command's answer. */
  problem?: NewPassphraseProblem | undefined;
}) {
  const t = useT();
  const errorOf = (field: NewPassphraseProblem['field']) =>
    problem?.field === field ? reasonText(t, problem.reason) : undefined;
  return (
    <>
      <TextField
        label={label}
        hint={hint}
        error={errorOf('passphrase')}
        type="password"
        autoComplete="new-password"
        value={passphrase}
        onChange={(event) => onPassphrase(event.target.value)}
      />
      <TextField
        label={t('account.passphraseAgain')}
        error={errorOf('again')}
        type="password"
        autoComplete="new-password"
        value={again}
        onChange={(event) => onAgain(event.target.value)}
      />
    </>
  );
}

/** The passphrase fields' problem within a form's per-field problems. */
export function newPassphraseProblemOf(problems: {
  passphrase?: string | undefined;
  again?: string | undefined;
}): NewPassphraseProblem | undefined {
  if (problems.passphrase) return { field: 'passphrase', reason: problems.passphrase };
  return problems.again ? { field: 'again', reason: problems.again } : undefined;
}

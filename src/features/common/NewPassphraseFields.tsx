import { useT } from '@/i18n';
import { TextField } from '@/ui/Field';

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
  passphraseError,
  againError,
}: {
  label: string;
  hint: string;
  passphrase: string;
  again: string;
  onPassphrase: (value: string) => void;
  onAgain: (value: string) => void;
  passphraseError?: string | undefined;
  againError?: string | undefined;
}) {
  const t = useT();
  return (
    <>
      <TextField
        label={label}
        hint={hint}
        error={passphraseError}
        type="password"
        autoComplete="new-password"
        value={passphrase}
        onChange={(event) => onPassphrase(event.target.value)}
      />
      <TextField
        label={t('account.passphraseAgain')}
        error={againError}
        type="password"
        autoComplete="new-password"
        value={again}
        onChange={(event) => onAgain(event.target.value)}
      />
    </>
  );
}

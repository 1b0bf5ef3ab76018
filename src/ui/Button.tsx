import type { ButtonHTMLAttributes, Ref } from 'react';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'quiet';
  /** For moving keyboard focus to it (React 19 passes `ref` as a prop). */
  ref?: Ref<HTMLButtonElement> | undefined;
};

/** A button at least 44 px tall (touch), with a visible keyboard focus ring from the stylesheet. */
export function Button({ variant = 'secondary', className, type = 'button', ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={['button', `button--${variant}`, className].filter(Boolean).join(' ')}
      {...rest}
    />
  );
}

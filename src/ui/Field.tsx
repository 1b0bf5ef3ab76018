import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

type FieldFrame = {
  label: ReactNode;
  hint?: ReactNode;
  /** Already translated error text; shown under the control and announced. */
  error?: ReactNode;
  className?: string | undefined;
};

function useFieldIds(error: ReactNode, hint: ReactNode) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [errorId, hintId].filter(Boolean).join(' ') || undefined };
}

function Messages({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint: ReactNode;
  hintId?: string | undefined;
  error: ReactNode;
  errorId?: string | undefined;
}) {
  return (
    <>
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </>
  );
}

/** A labelled text input: the label is always visible, errors are tied to the input for readers. */
export function TextField({
  label,
  hint,
  error,
  className,
  ...input
}: FieldFrame & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> | undefined }) {
  const ids = useFieldIds(error, hint);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={ids.id}>{label}</label>
      <input
        id={ids.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...input}
      />
      <Messages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  className,
  ...input
}: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(error, hint);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={ids.id}>{label}</label>
      <textarea
        id={ids.id}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...input}
      />
      <Messages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}

export type Option = { value: string; label: string };

export function SelectField({
  label,
  hint,
  error,
  className,
  options,
  placeholder,
  ...select
}: FieldFrame &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: readonly Option[];
    placeholder?: string;
    ref?: Ref<HTMLSelectElement> | undefined;
  }) {
  const ids = useFieldIds(error, hint);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={ids.id}>{label}</label>
      <select
        id={ids.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Messages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}

export function CheckboxField({
  label,
  hint,
  error,
  className,
  ...input
}: FieldFrame & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> | undefined }) {
  const ids = useFieldIds(error, hint);
  return (
    <div className={['field field--checkbox', className].filter(Boolean).join(' ')}>
      <input
        id={ids.id}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...input}
      />
      <label htmlFor={ids.id}>{label}</label>
      <Messages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </div>
  );
}

/** Radio buttons in a fieldset whose legend is the visible label. */
export function RadioGroup({
  legend,
  name,
  options,
  value,
  onChange,
  error,
  hint,
  inputRef,
}: {
  legend: ReactNode;
  name: string;
  options: readonly Option[];
  value: string | undefined;
  onChange: (value: string) => void;
  error?: ReactNode;
  hint?: ReactNode;
  /** The radio that takes focus when the group is focused: the checked one, else the first. */
  inputRef?: Ref<HTMLInputElement> | undefined;
}) {
  const focusIndex = Math.max(
    options.findIndex((option) => option.value === value),
    0,
  );
  const ids = useFieldIds(error, hint);
  return (
    <fieldset
      className={['field radio-group', error ? 'radio-group--invalid' : undefined].filter(Boolean).join(' ')}
      aria-describedby={ids.describedBy}
    >
      <legend>{legend}</legend>
      <div className="radio-group__options">
        {options.map((option, index) => (
          <label key={option.value} className="radio-group__option">
            <input
              ref={index === focusIndex ? inputRef : undefined}
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      <Messages hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} />
    </fieldset>
  );
}

import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldProps {
  label: string;
  hint?: ReactNode;
  error?: string | null | undefined;
  /** Text shown after the label for optional fields, e.g. "(optional)". */
  optionalText?: string | undefined;
  /** Renders the control with the id and ARIA attributes that tie it to its label, hint and error. */
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled control with a hint and an error message, wired with aria-invalid and aria-describedby. */
export function Field({ label, hint, error, optionalText, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="fx-field">
      <label className="fx-label" htmlFor={id}>
        {label}
        {optionalText ? <span className="fx-optional"> {optionalText}</span> : null}
      </label>
      {hint ? (
        <p className="fx-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error ? (
        <p className="fx-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface FieldWrapperProps {
  label: string;
  hint?: ReactNode;
  error?: string | null | undefined;
  optionalText?: string | undefined;
}

export type TextInputProps = FieldWrapperProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { ref?: Ref<HTMLInputElement> };

export function TextInput({ label, hint, error, optionalText, className, ...rest }: TextInputProps) {
  return (
    <Field label={label} hint={hint} error={error} optionalText={optionalText}>
      {(control) => <input className={['fx-input', className].filter(Boolean).join(' ')} {...rest} {...control} />}
    </Field>
  );
}

export type TextAreaProps = FieldWrapperProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & { ref?: Ref<HTMLTextAreaElement> };

export function TextArea({ label, hint, error, optionalText, className, ...rest }: TextAreaProps) {
  return (
    <Field label={label} hint={hint} error={error} optionalText={optionalText}>
      {(control) => (
        <textarea className={['fx-textarea', className].filter(Boolean).join(' ')} {...rest} {...control} />
      )}
    </Field>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export type SelectProps = FieldWrapperProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
    options: readonly SelectOption[];
    ref?: Ref<HTMLSelectElement>;
  };

export function Select({ label, hint, error, optionalText, options, className, ...rest }: SelectProps) {
  return (
    <Field label={label} hint={hint} error={error} optionalText={optionalText}>
      {(control) => (
        <select className={['fx-select', className].filter(Boolean).join(' ')} {...rest} {...control}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

import { type ReactNode, useId } from 'react';

/** One radio or checkbox: its value and its already-localized label. */
export interface ChoiceGroupOption {
  value: string;
  label: string;
}

export interface ChoiceGroupProps {
  name: string;
  /** `radio` picks one option, `checkbox` any number. */
  type: 'radio' | 'checkbox';
  legend: ReactNode;
  options: readonly ChoiceGroupOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  hint?: ReactNode;
  error?: string | null | undefined;
  required?: boolean;
}

/** Labelled radios or checkboxes in a fieldset, each option a full-width target. */
export function ChoiceGroup(props: ChoiceGroupProps) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const toggle = (value: string, checked: boolean) => {
    if (props.type === 'radio') props.onChange([value]);
    else props.onChange(checked ? [...props.value, value] : props.value.filter((v) => v !== value));
  };
  return (
    <fieldset className="fx-fieldset" aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
      <legend className="fx-legend">{props.legend}</legend>
      {props.hint ? (
        <p className="fx-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <div className="fx-choices">
        {props.options.map((option) => (
          <label className="fx-choice" key={option.value}>
            <input
              type={props.type}
              name={props.name}
              value={option.value}
              checked={props.value.includes(option.value)}
              onChange={(e) => toggle(option.value, e.currentTarget.checked)}
              required={props.type === 'radio' && props.required}
              aria-invalid={props.error ? true : undefined}
              aria-describedby={errorId}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {props.error ? (
        <p className="fx-error" id={errorId}>
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

import { type Scale, scalePoints } from '@facets/domain';
import { type CSSProperties, type ReactNode, useId } from 'react';

function describe(...ids: (string | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

export interface RatingScaleProps {
  /** The radio group's name (one per question). */
  name: string;
  scale: Scale;
  value: number | null;
  onChange: (value: number) => void;
  /** The question; may be a heading element. */
  legend: ReactNode;
  /** Meaning of the lowest and highest points, shown under the scale and read with the end radios. */
  lowLabel: string;
  highLabel: string;
  hint?: ReactNode;
  error?: string | null | undefined;
  required?: boolean;
}

/**
 * A row of native radios (arrow keys move between points) drawn as numbered buttons. Each radio is named by its
 * number alone, so "4" is found as exactly "4"; the end radios are described by their end labels.
 */
export function RatingScale(props: RatingScaleProps) {
  const id = useId();
  const points = scalePoints(props.scale);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  const lowId = `${id}-low`;
  const highId = `${id}-high`;
  const first = points[0];
  const last = points[points.length - 1];
  const style = { '--fx-points': points.length } as CSSProperties;
  return (
    <fieldset className="fx-fieldset fx-rating" aria-describedby={describe(hintId, errorId)} style={style}>
      <legend className="fx-legend">{props.legend}</legend>
      {props.hint ? (
        <p className="fx-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <div className="fx-rating__options">
        {points.map((point) => (
          <label className="fx-rating__option" key={point}>
            <input
              type="radio"
              name={props.name}
              value={point}
              checked={props.value === point}
              onChange={() => props.onChange(point)}
              required={props.required}
              aria-invalid={props.error ? true : undefined}
              aria-describedby={describe(point === first ? lowId : point === last ? highId : undefined, errorId)}
            />
            <span className="fx-rating__face">{point}</span>
          </label>
        ))}
      </div>
      <div className="fx-rating__ends">
        <span id={lowId}>
          {first} = {props.lowLabel}
        </span>
        <span id={highId}>
          {last} = {props.highLabel}
        </span>
      </div>
      {props.error ? (
        <p className="fx-error" id={errorId}>
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

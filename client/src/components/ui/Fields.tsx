import type { ReactNode } from 'react';
import { useId } from 'react';

/** Labelled form controls. Every control gets a visible label tied to it by id. */

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  required?: boolean;
  maxLength?: number;
  autoFocus?: boolean;
  multiline?: boolean;
  placeholder?: string;
  autoComplete?: string;
}

export function TextField({ label, value, onChange, hint, multiline, ...rest }: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          rows={2}
          value={value}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.value)}
          {...rest}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={value}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.value)}
          {...rest}
        />
      )}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

interface SelectFieldProps<V extends string> extends SelectProps<V> {
  label: string;
  /** Shows the label to screen readers only, for compact inline selects. */
  hideLabel?: boolean;
}

export function SelectField<V extends string>({ label, hideLabel, ...select }: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div className={hideLabel ? 'field field-inline' : 'field'}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <Select id={id} {...select} />
    </div>
  );
}

/** What every select takes, whatever labels it. */
export interface SelectProps<V extends string> {
  value: V;
  /** Each value with the words shown for it, in the order offered. */
  options: Record<V, string>;
  onChange: (value: V) => void;
  onFocus?: () => void;
  onBlur?: () => void;
}

/** The bare select of a labelled field; the caller renders the label that names it. */
export function Select<V extends string>({ value, options, onChange, ...rest }: SelectProps<V> & { id: string }) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as V)} {...rest}>
      {(Object.entries(options) as Array<[V, string]>).map(([key, text]) => (
        <option key={key} value={key}>
          {text}
        </option>
      ))}
    </select>
  );
}

interface RadioGroupProps<V extends string | number> {
  legend: string;
  value: V;
  options: Array<{ value: V; label: string }>;
  onChange: (value: V) => void;
}

export function RadioGroup<V extends string | number>({ legend, value, options, onChange }: RadioGroupProps<V>) {
  const name = useId();
  return (
    <fieldset className="field choice-group">
      <legend>{legend}</legend>
      <div className="choices">
        {options.map((option) => (
          <label key={String(option.value)} className="choice">
            <input type="radio" name={name} checked={option.value === value} onChange={() => onChange(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

interface CheckboxGroupProps {
  legend: ReactNode;
  selected: string[];
  /** A label may carry structure (e.g. a tag), as long as it reads well as text. */
  options: Array<{ value: string; label: ReactNode }>;
  onChange: (selected: string[]) => void;
  empty: string;
}

export function CheckboxGroup({ legend, selected, options, onChange, empty }: CheckboxGroupProps) {
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected.filter((v) => v !== value), value] : selected.filter((v) => v !== value));
  return (
    <fieldset className="field choice-group">
      <legend>{legend}</legend>
      {options.length === 0 ? (
        <p className="field-hint">{empty}</p>
      ) : (
        <div className="choices choices-stacked">
          {options.map((option) => (
            <label key={option.value} className="choice">
              <input
                type="checkbox"
                checked={selected.includes(option.value)}
                onChange={(e) => toggle(option.value, e.target.checked)}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}

import { useId } from 'react';

interface InlineSelectProps<V extends string> {
  /** The visible label, e.g. "Status". */
  label: string;
  /** Read after the label by assistive technology only, e.g. "of commitment “Pay the deposit”". */
  context: string;
  value: V;
  options: Record<V, string>;
  onChange: (value: V) => void;
  onFocus?: () => void;
  onBlur?: () => void;
}

/** A compact labelled select inside an item, whose accessible name says which item it changes. */
export function InlineSelect<V extends string>({
  label,
  context,
  value,
  options,
  onChange,
  ...rest
}: InlineSelectProps<V>) {
  const id = useId();
  return (
    <span className="inline-select">
      <label htmlFor={id}>
        {label}
        <span className="visually-hidden"> {context}</span>
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)} {...rest}>
        {(Object.entries(options) as Array<[V, string]>).map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}

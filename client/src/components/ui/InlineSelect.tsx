import { useId } from 'react';
import type { SelectProps } from './Fields';
import { Select } from './Fields';

interface InlineSelectProps<V extends string> extends SelectProps<V> {
  /** The visible label, e.g. "Status". */
  label: string;
  /** Read after the label by assistive technology only, e.g. "of commitment “Pay the deposit”". */
  context: string;
}

/** A compact labelled select inside an item, whose accessible name says which item it changes. */
export function InlineSelect<V extends string>({ label, context, ...select }: InlineSelectProps<V>) {
  const id = useId();
  return (
    <span className="inline-select">
      <label htmlFor={id}>
        {label}
        <span className="visually-hidden"> {context}</span>
      </label>
      <Select id={id} {...select} />
    </span>
  );
}

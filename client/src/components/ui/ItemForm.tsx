import { TEXT_MAX } from '@parley/shared';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { WriteResult } from '../../hooks/useCollection';
import { TextField } from './Fields';
import { ItemEditor } from './ItemEditor';

/** What every add or edit form of an item takes from the place that opens it. */
export interface ItemFormProps<V> {
  initial: V;
  /** Names the form for assistive technology, e.g. "New position". */
  label: string;
  submitLabel: string;
  /** Gets the values tidied; a refusal is shown in the form, which stays open. */
  onSave: (values: V) => WriteResult;
  onCancel: () => void;
  onFocusChange?: (focused: boolean) => void;
}

type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V];

/** Sets one field of the form's values. */
export type SetValue<V> = <K extends keyof V>(key: K, value: V[K]) => void;

interface ItemFormShellProps<V> extends ItemFormProps<V> {
  /** The item's own words: the field it cannot be saved without, which leads the form and is saved trimmed. */
  textKey: TextKey<V>;
  textLabel: string;
  textHint?: string;
  /** A short title rather than a sentence or two. */
  singleLine?: boolean;
  /** Said when the text is left blank, e.g. "Describe the constraint before saving." */
  missing: string;
  /** Tidies the other values before saving, e.g. trims optional text or drops links to items removed meanwhile. */
  tidy?: (values: V) => V;
  /** The fields after the text, given the current values and a way to set one. */
  children?: (values: V, set: SetValue<V>) => ReactNode;
}

/** The one shape of an item form: its text first, then its own fields, with Save, Cancel and the error. */
export function ItemForm<V extends object>(props: ItemFormShellProps<V>) {
  const { initial, textKey, textLabel, textHint, singleLine, missing, tidy, onSave, children, ...editor } = props;
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const set: SetValue<V> = (key, value) => setValues((current) => ({ ...current, [key]: value }));

  const submit = () => {
    const text = (values[textKey] as string).trim();
    if (!text) return setError(missing);
    const trimmed = { ...values, [textKey]: text };
    const result = onSave(tidy ? tidy(trimmed) : trimmed);
    setError(result.ok ? null : result.message);
  };

  return (
    <ItemEditor {...editor} onSubmit={submit} error={error}>
      <TextField
        label={textLabel}
        value={values[textKey] as string}
        onChange={(text) => set(textKey, text as V[TextKey<V>])}
        multiline={!singleLine}
        required
        maxLength={TEXT_MAX}
        hint={textHint}
      />
      {children?.(values, set)}
    </ItemEditor>
  );
}

/** A form's save that closes the form once the write is accepted; a refusal keeps it open with its message. */
export function closeWhenSaved<V>(save: (values: V) => WriteResult, close: () => void): (values: V) => WriteResult {
  return (values) => {
    const result = save(values);
    if (result.ok) close();
    return result;
  };
}

import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { useEffect, useRef } from 'react';

interface ItemEditorProps {
  /** Names the form for assistive technology, e.g. "Edit position". */
  label: string;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  /** Told when focus enters or leaves the form, so others can see who is editing what. */
  onFocusChange?: (focused: boolean) => void;
  error: string | null;
  children: ReactNode;
}

/**
 * The one form shape for adding and editing items: Save and Cancel, Escape cancels,
 * and the first field takes focus when it opens.
 */
export function ItemEditor({
  label,
  submitLabel,
  onSubmit,
  onCancel,
  onFocusChange,
  error,
  children,
}: ItemEditorProps) {
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  }, []);

  // An editor can vanish without a blur (saved, or its item removed by someone else):
  // withdraw the announcement then too, using the latest callback.
  const focusChange = useRef(onFocusChange);
  useEffect(() => {
    focusChange.current = onFocusChange;
  });
  useEffect(() => () => focusChange.current?.(false), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form
      ref={form}
      className="item-editor"
      aria-label={label}
      onSubmit={submit}
      onKeyDown={onKeyDown}
      onFocus={() => onFocusChange?.(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onFocusChange?.(false);
      }}
      noValidate
    >
      {children}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

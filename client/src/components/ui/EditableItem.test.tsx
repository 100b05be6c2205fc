import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WriteResult } from '../../hooks/useCollection';
import { EditableItem } from './EditableItem';
import { ItemForm } from './ItemForm';

afterEach(cleanup);

interface Note {
  text: string;
  detail: string;
}

function renderNote(onUpdate: (id: string, patch: Partial<Note>) => WriteResult, editable = true) {
  const setEditing = vi.fn();
  const note: Note = { text: 'Rent stays', detail: 'for a year' };
  render(
    <ul>
      <EditableItem
        id="n1"
        className="item-card"
        name="note “Rent stays”"
        initial={note}
        editable={editable}
        editors={[]}
        setEditing={setEditing}
        selfMemberId="me"
        onUpdate={onUpdate}
        onRemove={() => {}}
        renderForm={(form) => (
          <ItemForm {...form} textKey="text" textLabel="Note" missing="Write the note first.">
            {(values, set) => (
              <input aria-label="Detail" value={values.detail} onChange={(e) => set('detail', e.target.value)} />
            )}
          </ItemForm>
        )}
        renderView={() => <p>{note.text}</p>}
      />
    </ul>,
  );
  return setEditing;
}

describe('EditableItem with an ItemForm', () => {
  it('refuses blank text, saves only what changed, trimmed, and gives focus back to Edit', () => {
    const onUpdate = vi.fn((): WriteResult => ({ ok: true }));
    const setEditing = renderNote(onUpdate);
    fireEvent.click(screen.getByRole('button', { name: 'Edit note “Rent stays”' }));
    const form = screen.getByRole('form', { name: 'Edit note “Rent stays”' });
    expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: 'Note' }));
    expect(setEditing).toHaveBeenCalledWith('n1');

    fireEvent.change(within(form).getByRole('textbox', { name: 'Note' }), { target: { value: '   ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert').textContent).toBe('Write the note first.');
    expect(onUpdate).not.toHaveBeenCalled();

    fireEvent.change(within(form).getByRole('textbox', { name: 'Note' }), { target: { value: '  Rent drops  ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(onUpdate).toHaveBeenCalledWith('n1', { text: 'Rent drops' });
    expect(screen.queryByRole('form')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit note “Rent stays”' }));
  });

  it('keeps the editor open with the refusal, and closes without a write when nothing changed', () => {
    const onUpdate = vi.fn((): WriteResult => ({ ok: false, message: 'This item was removed by someone else.' }));
    renderNote(onUpdate);
    fireEvent.click(screen.getByRole('button', { name: 'Edit note “Rent stays”' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Detail' }), { target: { value: 'for two years' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onUpdate).toHaveBeenCalledWith('n1', { detail: 'for two years' });
    expect(screen.getByRole('alert').textContent).toBe('This item was removed by someone else.');

    fireEvent.change(screen.getByRole('textbox', { name: 'Detail' }), { target: { value: 'for a year' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onUpdate).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('offers no Edit or Remove to those who may not change it', () => {
    renderNote(() => ({ ok: true }), false);
    expect(screen.getByText('Rent stays')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

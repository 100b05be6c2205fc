import {
  COLLECTIONS,
  PRIVATE_NOTES_DEFAULTS,
  RECORDS,
  addItem,
  readRecord,
  setRecordField,
  validItems,
} from '@parley/shared';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { RoomContext } from '../../hooks/useRoom';
import type { RoomDocs } from '../../hooks/useRoomDocs';
import type { Session } from '../../lib/session';
import { testDocs, testHandle, testSession } from '../room/testing';
import { PrivateArea } from './PrivateArea';

afterEach(cleanup);

function renderArea(session: Session, docs: RoomDocs = testDocs(session)) {
  render(
    <RoomContext.Provider value={{ session, docs }}>
      <PrivateArea />
    </RoomContext.Provider>,
  );
  return docs;
}

function draft(doc: Y.Doc, id: string, kind: 'position' | 'interest' | 'constraint', text: string, because = '') {
  addItem(doc, 'drafts', COLLECTIONS.private.drafts, { id, kind, text, because, createdAt: 1 });
}

describe('private notes', () => {
  it('moves a draft onto the side’s board in one action, and one undo brings it back', () => {
    const docs = renderArea(testSession('side', 'a'));
    const privateDoc = docs.private!.doc;
    act(() => draft(privateDoc, 'd1', 'position', 'Rent stays at 1,200', 'Budget is fixed'));

    fireEvent.click(screen.getByRole('button', { name: 'Share to board: draft position “Rent stays at 1,200”' }));
    // Nothing is shared until the side says yes: the question names who will see it.
    expect(screen.getByText('Everyone in the room will see it. Share?')).toBeTruthy();
    expect(docs.sides.a.doc.getMap('positions').size).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, share' }));

    const positions = validItems(docs.sides.a.doc, 'positions', COLLECTIONS.side.positions);
    expect(positions).toEqual([expect.objectContaining({ text: 'Rent stays at 1,200', because: 'Budget is fixed' })]);
    expect(privateDoc.getMap('drafts').size).toBe(0);
    expect(docs.sides.b.doc.getMap('positions').size).toBe(0);
    expect(screen.getByRole('status').textContent).toMatch(/Shared “Rent stays at 1,200” to Tenant’s board/);

    act(() => {
      docs.undo.undo();
    });
    expect(docs.sides.a.doc.getMap('positions').size).toBe(0);
    expect(privateDoc.getMap('drafts').size).toBe(1);
  });

  it('gives shared interests and constraints defaults the side can edit', () => {
    const docs = renderArea(testSession('side', 'b'));
    act(() => {
      draft(docs.private!.doc, 'i', 'interest', 'Certainty about repairs');
      draft(docs.private!.doc, 'c', 'constraint', 'No more than 3% a year');
    });
    fireEvent.click(screen.getByRole('button', { name: /^Share to board: draft interest/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, share' }));
    fireEvent.click(screen.getByRole('button', { name: /^Share to board: draft constraint/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, share' }));
    expect(validItems(docs.sides.b.doc, 'interests', COLLECTIONS.side.interests)).toEqual([
      expect.objectContaining({ text: 'Certainty about repairs', kind: 'need', importance: 3, positionIds: [] }),
    ]);
    expect(validItems(docs.sides.b.doc, 'constraints', COLLECTIONS.side.constraints)).toEqual([
      expect.objectContaining({ text: 'No more than 3% a year', modality: 'cannot', kind: 'other' }),
    ]);
  });

  it('is marked as seen only by the side, and saves the walk-away alternative', () => {
    const docs = renderArea(testSession('side', 'a'));
    const panel = screen.getByRole('region', { name: 'Private notes — Tenant' });
    expect(within(panel).getByText('Only your side sees this')).toBeTruthy();
    const field = within(panel).getByRole('textbox', { name: 'Walk-away alternative (BATNA)' });
    fireEvent.focus(field);
    fireEvent.change(field, { target: { value: 'Move to Elm Street' } });
    fireEvent.blur(field);
    expect(readRecord(docs.private!.doc, 'notes', RECORDS.private.notes, PRIVATE_NOTES_DEFAULTS).walkAway).toBe(
      'Move to Elm Street',
    );
  });

  it('is not rendered for the mediator, an observer or a member of the other side', () => {
    for (const session of [testSession('mediator'), testSession('observer')]) {
      const docs = testDocs(session);
      // Even handed a side's private doc by mistake, these roles never see it.
      renderArea(session, { ...docs, private: testHandle({ kind: 'private', side: 'a' }, true) });
      expect(screen.queryByText('Only your side sees this')).toBeNull();
      expect(screen.queryByRole('textbox', { name: 'Walk-away alternative (BATNA)' })).toBeNull();
      cleanup();
    }
    const b = testSession('side', 'b');
    renderArea(b, { ...testDocs(b), private: testHandle({ kind: 'private', side: 'a' }, true) });
    expect(screen.queryByText('Only your side sees this')).toBeNull();
  });

  it('shows the mediator their own notes instead', () => {
    const docs = renderArea(testSession('mediator'));
    expect(screen.getByText('Only the mediator sees this')).toBeTruthy();
    const field = screen.getByRole('textbox', { name: 'Notes' });
    fireEvent.focus(field);
    fireEvent.change(field, { target: { value: 'Tenant anxious' } });
    fireEvent.blur(field);
    expect(docs.mediator!.doc.getMap('notes').get('notes')).toBe('Tenant anxious');
  });
});

describe('notes fields', () => {
  it('never writes a teammate’s change back over when leaving a field one did not change', () => {
    const docs = renderArea(testSession('side', 'a'));
    const doc = docs.private!.doc;
    const field = screen.getByRole('textbox', { name: 'Reservation point' });
    fireEvent.focus(field);
    act(() => setRecordField(doc, 'notes', RECORDS.private.notes, PRIVATE_NOTES_DEFAULTS, 'reservation', '1,260'));
    fireEvent.blur(field);
    expect(doc.getMap('notes').get('reservation')).toBe('1,260');
    expect((field as HTMLTextAreaElement).value).toBe('1,260');
  });

  it('saves while typing, after a short pause', () => {
    vi.useFakeTimers();
    const docs = renderArea(testSession('side', 'a'));
    const field = screen.getByRole('textbox', { name: 'Notes' });
    fireEvent.focus(field);
    fireEvent.change(field, { target: { value: 'They care about the school year' } });
    expect(docs.private!.doc.getMap('notes').get('notes')).toBeUndefined();
    act(() => vi.advanceTimersByTime(1000));
    expect(docs.private!.doc.getMap('notes').get('notes')).toBe('They care about the school year');
    vi.useRealTimers();
  });
});

import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { fakeRoom, read, renderInRoom, seed } from '../joint/fakeRoom';
import { SideBoard } from './SideBoard';

// Every item card renders through EditableItem: counting its renders by item id counts the cards'.
const rendered = vi.hoisted(() => [] as string[]);
vi.mock('../ui/EditableItem', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../ui/EditableItem')>();
  const CountedItem = (props: ComponentProps<typeof actual.EditableItem>) => {
    rendered.push(props.id);
    return <actual.EditableItem {...props} />;
  };
  return { ...actual, EditableItem: CountedItem };
});

afterEach(() => {
  cleanup();
  rendered.length = 0;
});

/** A tenant's board of 40 positions, 20 interests each explaining two of them, and 10 constraints. */
function bigBoard() {
  const room = fakeRoom('side', 'b');
  const { doc } = room.docs.sides.a;
  doc.transact(() => {
    for (let i = 0; i < 40; i++) seed(doc, 'positions', `p${i}`, { text: `Position ${i}`, because: 'x', createdAt: i });
    for (let i = 0; i < 20; i++) {
      seed(doc, 'interests', `i${i}`, {
        text: `Interest ${i}`,
        kind: 'need',
        concern: 'security',
        importance: 3,
        positionIds: [`p${2 * i}`, `p${2 * i + 1}`],
        createdAt: i,
      });
    }
    for (let i = 0; i < 10; i++) {
      seed(doc, 'constraints', `c${i}`, { text: `Constraint ${i}`, modality: 'cannot', kind: 'budget', createdAt: i });
    }
  });
  renderInRoom(<SideBoard side="a" />, room);
  expect(rendered).toHaveLength(70);
  rendered.length = 0;
  return room;
}

const section = (name: string) => screen.getByRole('region', { name: `Tenant: ${name}` });

describe('a big board watched from the other side', () => {
  it('re-renders only the changed position and the interest explaining it', () => {
    const room = bigBoard();
    act(() => (room.docs.sides.a.doc.getMap('positions').get('p7') as Y.Map<unknown>).set('text', 'Rent drops'));

    expect(within(section('Positions')).getByText('Rent drops')).toBeTruthy();
    // Interest 3 explains positions 6 and 7, and shows their text.
    const interest = within(section('Interests')).getByText('Interest 3').closest('li')!;
    expect(within(interest).getByText('Rent drops')).toBeTruthy();
    expect(rendered.sort()).toEqual(['i3', 'p7']);
  });

  it('re-renders only the card someone starts editing, and says who', () => {
    const room = bigBoard();
    const { awareness } = room.docs.sides.a.provider;
    const peer = new Awareness(new Y.Doc());
    peer.setLocalState({
      user: { memberId: 'dana', name: 'Dana', role: 'side', side: 'a' },
      editing: { doc: room.docs.sides.a.name, collection: 'constraints', id: 'c4' },
    });
    act(() => applyAwarenessUpdate(awareness, encodeAwarenessUpdate(peer, [peer.clientID]), 'remote'));

    const constraint = within(section('Constraints')).getByText('Constraint 4').closest('li')!;
    expect(within(constraint).getByText(/Dana is editing/)).toBeTruthy();
    expect(rendered).toEqual(['c4']);
  });
});

describe('this member’s own board', () => {
  it('removes a position with its links from interests, and lists the rest in the forms that link them', () => {
    const room = fakeRoom('side', 'a');
    const { doc } = room.docs.sides.a;
    seed(doc, 'positions', 'p1', { text: 'Rent stays', because: 'x', createdAt: 1 });
    seed(doc, 'positions', 'p2', { text: 'Parking included', because: 'x', createdAt: 2 });
    seed(doc, 'interests', 'i1', {
      text: 'Predictable costs',
      kind: 'need',
      concern: 'security',
      importance: 3,
      positionIds: ['p1', 'p2'],
      createdAt: 1,
    });
    renderInRoom(<SideBoard side="a" />, room);

    fireEvent.click(within(section('Interests')).getByRole('button', { name: 'Edit interest “Predictable costs”' }));
    act(() => seed(doc, 'positions', 'p3', { text: 'Pets allowed', because: 'x', createdAt: 3 }));
    const form = within(section('Interests')).getByRole('form', { name: 'Edit interest “Predictable costs”' });
    expect(within(form).getByRole('checkbox', { name: 'Pets allowed' })).toBeTruthy();

    const positions = section('Positions');
    fireEvent.click(within(positions).getByRole('button', { name: 'Remove position “Rent stays”' }));
    fireEvent.click(within(positions).getByRole('button', { name: 'Yes, remove' }));
    expect(read(doc, 'positions', 'p1')).toBeUndefined();
    expect(read(doc, 'interests', 'i1')).toMatchObject({ positionIds: ['p2'] });
  });
});

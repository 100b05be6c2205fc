import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { JointSpace } from '../joint/JointSpace';
import { fakeRoom, renderInRoom, seed, seedNegotiation } from '../joint/fakeRoom';
import { SideBoard } from './SideBoard';

afterEach(cleanup);

const boardOf = (name: string) => screen.getByRole('region', { name });

describe('notices', () => {
  it('lets a side announce a move on its own board only, written to its own document', () => {
    const room = fakeRoom('side', 'a');
    seed(room.docs.sides.b.doc, 'notices', 'nb1', { text: 'We will ask our lawyer on Friday', createdAt: 10 });
    renderInRoom(
      <>
        <SideBoard side="a" />
        <SideBoard side="b" />
      </>,
      room,
    );
    const landlordNotices = within(boardOf('Landlord')).getByRole('region', { name: 'Landlord: Notices' });
    expect(within(landlordNotices).getByText('We will ask our lawyer on Friday')).toBeTruthy();
    expect(within(landlordNotices).queryByRole('button')).toBeNull();

    const tenantNotices = within(boardOf('Tenant')).getByRole('region', { name: 'Tenant: Notices' });
    fireEvent.click(within(tenantNotices).getByRole('button', { name: 'Announce a move' }));
    const form = within(tenantNotices).getByRole('form', { name: 'New notice' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'What you are about to do' }), {
      target: { value: 'We will view another flat on Saturday' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Announce' }));
    const stored = [...room.docs.sides.a.doc.getMap('notices').values()].map((v) =>
      (v as { toJSON: () => unknown }).toJSON(),
    );
    expect(stored).toEqual([expect.objectContaining({ text: 'We will view another flat on Saturday' })]);
    expect(room.docs.sides.b.doc.getMap('notices').size).toBe(1);
    expect(within(tenantNotices).getByText('We will view another flat on Saturday')).toBeTruthy();
  });

  it('collects both sides’ latest notices in the joint space, newest first', () => {
    const room = fakeRoom('mediator');
    seed(room.docs.sides.a.doc, 'notices', 'na1', { text: 'Tenant first', createdAt: 1 });
    seed(room.docs.sides.b.doc, 'notices', 'nb1', { text: 'Landlord second', createdAt: 2 });
    seed(room.docs.sides.a.doc, 'notices', 'na2', { text: 'Tenant third', createdAt: 3 });
    seed(room.docs.sides.b.doc, 'notices', 'bad', { text: '' });
    renderInRoom(<JointSpace />, room);
    const recent = screen.getByRole('region', { name: 'Recent notices' });
    expect(
      within(recent)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('.recent-notice-text')?.textContent),
    ).toEqual(['Tenant third', 'Landlord second', 'Tenant first']);
  });
});

describe('core concerns by weight', () => {
  it('lists the concerns heaviest first with their weight in words', () => {
    const room = fakeRoom('observer');
    const interest = (id: string, concern: string, importance: number) =>
      seed(room.docs.sides.a.doc, 'interests', id, {
        text: id,
        kind: 'need',
        concern,
        importance,
        positionIds: [],
        createdAt: 1,
      });
    interest('i1', 'time', 3);
    interest('i2', 'security', 4);
    interest('i3', 'time', 2);
    renderInRoom(<SideBoard side="a" />, room);
    const weights = within(boardOf('Tenant')).getByRole('region', { name: 'Tenant: Core concerns' });
    expect(
      within(weights)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Time, certainty & riskweight 5 (2 interests)',
      'Securityweight 4 (1 interest)',
      'Resourcesnone',
      'Controlnone',
      'Reputationnone',
    ]);
  });
});

describe('an observer', () => {
  it('sees the whole negotiation with no control that could change it', () => {
    const room = fakeRoom('observer');
    seedNegotiation(room);
    const { joint, sides } = room.docs;
    seed(sides.a.doc, 'positions', 'p1', { text: 'Keep the parking space', because: '', createdAt: 1 });
    seed(sides.a.doc, 'notices', 'n1', { text: 'We will call the council', createdAt: 1 });
    seed(sides.a.doc, 'scores', 'o2', { value: 4, updatedAt: 1 });
    seed(joint.doc, 'agenda', 't1', { title: 'Parking', status: 'discussing', order: 0, createdAt: 1 });
    seed(joint.doc, 'criteria', 'k1', { text: 'Market rate for parking nearby', kind: 'market', createdAt: 1 });
    seed(joint.doc, 'agreements', 'ag1', { text: 'Shared rota', outcome: 'pending', createdAt: 1 });
    seed(joint.doc, 'commitments', 'c1', {
      agreementId: 'ag1',
      what: 'Draw the rota',
      owner: 'b',
      due: '2030-01-01',
      verification: '',
      status: 'pending',
      createdAt: 1,
    });
    seed(sides.a.doc, 'acceptances', 'ag1', { acceptedAt: 1 });
    seed(sides.b.doc, 'acceptances', 'ag1', { acceptedAt: 2 });
    seed(joint.doc, 'options', 'junk', { text: null });

    const { container } = renderInRoom(
      <main>
        <SideBoard side="a" />
        <JointSpace />
        <SideBoard side="b" />
      </main>,
      room,
    );
    // Everything is there to read…
    expect(screen.getByText('Keep the parking space')).toBeTruthy();
    expect(screen.getAllByText('We will call the council')).toHaveLength(2);
    expect(screen.getByText('Market rate for parking nearby')).toBeTruthy();
    expect(screen.getByText('Accepted by both')).toBeTruthy();
    expect(screen.getByText('Needs a way to verify')).toBeTruthy();
    expect(screen.getByText('Invalid option')).toBeTruthy();
    expect(screen.getByRole('table')).toBeTruthy();
    // …and nothing to change it with.
    expect(container.querySelectorAll('input, select, textarea, button, [contenteditable]')).toHaveLength(0);
  });
});

describe('a new interest', () => {
  it('asks its side to choose the core concern instead of counting a default one', () => {
    const room = fakeRoom('side', 'a');
    renderInRoom(<SideBoard side="a" />, room);
    const interests = within(boardOf('Tenant')).getByRole('region', { name: 'Tenant: Interests' });
    fireEvent.click(within(interests).getByRole('button', { name: 'Add an interest' }));
    const form = within(interests).getByRole('form', { name: 'New interest' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Interest' }), {
      target: { value: 'A quiet place to work' },
    });
    const concern = within(form).getByRole('combobox', { name: 'Core concern' }) as HTMLSelectElement;
    expect(concern.value).toBe('');
    fireEvent.click(within(form).getByRole('button', { name: 'Add interest' }));
    expect(within(form).getByText('Choose the core concern it touches.')).toBeTruthy();
    expect(room.docs.sides.a.doc.getMap('interests').size).toBe(0);

    fireEvent.change(concern, { target: { value: 'control' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add interest' }));
    const stored = [...room.docs.sides.a.doc.getMap('interests').values()].map((v) =>
      (v as { toJSON: () => unknown }).toJSON(),
    );
    expect(stored).toEqual([expect.objectContaining({ text: 'A quiet place to work', concern: 'control' })]);
  });
});

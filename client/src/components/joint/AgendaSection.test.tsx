import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AgendaSection } from './AgendaSection';
import { fakeRoom, renderInRoom, seed } from './fakeRoom';

afterEach(cleanup);

const agenda = () => screen.getByRole('region', { name: 'Agenda' });

describe('the agenda of a mediated room', () => {
  it('is run by the mediator: status, order, edits and removal', () => {
    const room = fakeRoom('mediator');
    seed(room.docs.joint.doc, 'agenda', 't1', { title: 'Rent', status: 'open', order: 0, createdAt: 1 });
    renderInRoom(<AgendaSection />, room);
    expect(within(agenda()).getByRole('combobox', { name: 'Status of topic “Rent”' })).toBeTruthy();
    expect(within(agenda()).getByRole('button', { name: 'Remove topic “Rent”' })).toBeTruthy();
    expect(within(agenda()).getByRole('button', { name: 'Add a topic' })).toBeTruthy();
  });

  it('lets a side propose a topic, but not settle, reorder or remove one', () => {
    const room = fakeRoom('side', 'a');
    seed(room.docs.joint.doc, 'agenda', 't1', { title: 'Rent', status: 'open', order: 0, createdAt: 1 });
    renderInRoom(<AgendaSection />, room);
    expect(within(agenda()).queryByRole('combobox')).toBeNull();
    expect(within(agenda()).queryByRole('button', { name: /Remove|Move|Edit/ })).toBeNull();
    expect(within(agenda()).getByText('Open')).toBeTruthy();

    fireEvent.click(within(agenda()).getByRole('button', { name: 'Propose a topic' }));
    const form = within(agenda()).getByRole('form', { name: 'New agenda topic' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Topic' }), { target: { value: 'Parking' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Propose topic' }));
    const titles = [...room.docs.joint.doc.getMap('agenda').values()].map((v) =>
      (v as { get: (k: string) => unknown }).get('title'),
    );
    expect(titles).toEqual(['Rent', 'Parking']);
  });
});

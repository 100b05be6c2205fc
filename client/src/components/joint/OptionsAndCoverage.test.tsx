import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { JointSpace } from './JointSpace';
import { fakeRoom, read, renderInRoom, seed, seedNegotiation } from './fakeRoom';

afterEach(cleanup);

function optionCard(text: string): HTMLElement {
  const options = screen.getByRole('region', { name: 'Options' });
  const card = within(options)
    .getAllByRole('listitem')
    .find((li) => li.classList.contains('option-card') && li.textContent?.includes(text));
  if (!card) throw new Error(`no option card “${text}”`);
  return card;
}

describe('option scores', () => {
  it('gives a side a score control for its own side only, and writes the score into its own document', () => {
    const room = fakeRoom('side', 'a');
    seedNegotiation(room);
    seed(room.docs.sides.b.doc, 'scores', 'o2', { value: 2, updatedAt: 1 });
    renderInRoom(<JointSpace />, room);

    const card = optionCard('Shared parking rota');
    // Both sides' scores are shown; only one group of controls, ours.
    expect(within(card).getByText('Landlord’s score: 2 of 5')).toBeTruthy();
    expect(
      within(card)
        .getByText(/Tenant’s score/)
        .closest('.rating')?.textContent,
    ).toContain('not scored yet');
    const groups = within(card).getAllByRole('group', { name: /^Your score/ });
    expect(groups).toHaveLength(1);
    expect(within(card).getAllByRole('radio')).toHaveLength(5);

    fireEvent.click(within(groups[0]!).getByRole('radio', { name: '4' }));
    expect(read(room.docs.sides.a.doc, 'scores', 'o2')).toMatchObject({ value: 4 });
    // The other side's score is untouched and nothing was written to the joint doc.
    expect(read(room.docs.sides.b.doc, 'scores', 'o2')).toMatchObject({ value: 2 });
    expect(room.docs.joint.doc.getMap('scores').size).toBe(0);
    expect(within(card).getByText('Tenant’s score: 4 of 5')).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: /^Clear our score/ }));
    expect(read(room.docs.sides.a.doc, 'scores', 'o2')).toBeUndefined();
  });

  it('shows the mediator both scores and no score control, while the mediator may still edit options', () => {
    const room = fakeRoom('mediator');
    seedNegotiation(room);
    seed(room.docs.sides.a.doc, 'scores', 'o1', { value: 5, updatedAt: 1 });
    renderInRoom(<JointSpace />, room);

    const card = optionCard('Tenant pays for parking');
    expect(within(card).getByText('Tenant’s score: 5 of 5')).toBeTruthy();
    expect(within(card).queryByRole('radio')).toBeNull();
    expect(within(card).getByRole('button', { name: /^Edit option/ })).toBeTruthy();
  });

  it('links a new option to interests of either side', () => {
    const room = fakeRoom('side', 'b');
    seedNegotiation(room);
    renderInRoom(<JointSpace />, room);

    fireEvent.click(screen.getByRole('button', { name: 'Add an option' }));
    const form = screen.getByRole('form', { name: 'New option' });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Option' }), {
      target: { value: 'Quiet hours after ten' },
    });
    const tenantGroup = within(form).getByRole('group', { name: 'Serves Tenant’s interests' });
    const landlordGroup = within(form).getByRole('group', { name: 'Serves Landlord’s interests' });
    fireEvent.click(within(tenantGroup).getByRole('checkbox', { name: /Keep costs predictable/ }));
    fireEvent.click(within(landlordGroup).getByRole('checkbox', { name: /Fair use of shared spaces/ }));
    fireEvent.click(within(form).getByRole('button', { name: 'Add option' }));

    const added = [...room.docs.joint.doc.getMap('options').values()]
      .map((v) => (v as { toJSON: () => Record<string, unknown> }).toJSON())
      .find((o) => o.text === 'Quiet hours after ten');
    expect(added?.serves).toEqual([
      { side: 'a', interestId: 'ia2' },
      { side: 'b', interestId: 'ib1' },
    ]);
  });

  it('shows an invalid option as such without breaking the rest', () => {
    const room = fakeRoom('side', 'a');
    seedNegotiation(room);
    seed(room.docs.joint.doc, 'options', 'bad', { text: 42, serves: 'everything' });
    seed(room.docs.sides.a.doc, 'scores', 'o1', { value: 9, updatedAt: 1 });
    renderInRoom(<JointSpace />, room);
    expect(screen.getByText('Invalid option')).toBeTruthy();
    expect(optionCard('Shared parking rota')).toBeTruthy();
    // An out-of-range score is not shown as a score.
    const rating = within(optionCard('Tenant pays for parking'))
      .getByText(/Tenant’s score/)
      .closest('.rating');
    expect(rating?.textContent).toContain('not scored yet');
  });
});

describe('coverage', () => {
  it('is a table with headers that puts options serving both sides first and says so in words', () => {
    const room = fakeRoom('observer');
    seedNegotiation(room);
    seed(room.docs.sides.a.doc, 'scores', 'o2', { value: 4, updatedAt: 1 });
    seed(room.docs.sides.b.doc, 'scores', 'o2', { value: 5, updatedAt: 1 });
    renderInRoom(<JointSpace />, room);

    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Option', 'Serves Tenant', 'Serves Landlord', 'Scores']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Shared parking rotaCreates value for both',
      'Tenant pays for parking',
    ]);
    expect(rows[0]!.className).toContain('coverage-mutual');
    expect(rows[1]!.className).not.toContain('coverage-mutual');
    const cells = within(rows[0]!).getAllByRole('cell');
    expect(cells[0]!.textContent).toContain('Yes1 interest, weight 5');
    expect(cells[1]!.textContent).toContain('Yes1 interest, weight 4');
    expect(cells[2]!.textContent).toContain('Tenant’s score: 4 of 5');
    expect(within(rows[1]!).getAllByRole('cell')[1]!.textContent).toContain('No');
    expect(within(table).getByText(/1 of 2 options create value for both sides/)).toBeTruthy();
  });

  it('follows live changes: an interest removed on a side board drops the option out of "both"', () => {
    const room = fakeRoom('observer');
    seedNegotiation(room);
    renderInRoom(<JointSpace />, room);
    expect(screen.getAllByText('Creates value for both').length).toBeGreaterThan(0);
    act(() => {
      room.docs.sides.b.doc.getMap('interests').delete('ib1');
    });
    expect(screen.queryByText('Creates value for both')).toBeNull();
  });
});

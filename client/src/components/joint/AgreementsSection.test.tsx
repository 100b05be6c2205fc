import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { COLLECTIONS, updateItem } from '@parley/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { AgreementsSection } from './AgreementsSection';
import { fakeRoom, read, renderInRoom, seed } from './fakeRoom';

afterEach(cleanup);

function seedAgreement(room: ReturnType<typeof fakeRoom>) {
  const joint = room.docs.joint.doc;
  seed(joint, 'agreements', 'ag1', { text: 'Shared parking rota from May', outcome: 'pending', createdAt: 1 });
  seed(joint, 'commitments', 'c1', {
    agreementId: 'ag1',
    what: 'Draw up the rota',
    owner: 'b',
    due: '2030-05-01',
    verification: 'Rota posted in the hallway and emailed to both',
    status: 'pending',
    createdAt: 1,
  });
  seed(joint, 'commitments', 'c2', {
    agreementId: 'ag1',
    what: 'Pay the parking fee',
    owner: 'a',
    due: '',
    verification: '',
    status: 'pending',
    createdAt: 2,
  });
}

const card = () => screen.getAllByRole('listitem').find((li) => li.classList.contains('agreement-card'))!;

describe('agreements', () => {
  it('lets a side accept only for itself, in its own document, and shows the status that follows', () => {
    const room = fakeRoom('side', 'b');
    seedAgreement(room);
    renderInRoom(<AgreementsSection />, room);
    expect(within(card()).getByText('Proposed')).toBeTruthy();
    // No button accepts for the other side.
    expect(within(card()).queryByRole('button', { name: /Accept for Tenant/ })).toBeNull();

    fireEvent.click(within(card()).getByRole('button', { name: /^Accept for Landlord/ }));
    expect(read(room.docs.sides.b.doc, 'acceptances', 'ag1')).toMatchObject({ acceptedAt: expect.any(Number) });
    expect(room.docs.sides.a.doc.getMap('acceptances').size).toBe(0);
    expect(room.docs.joint.doc.getMap('acceptances').size).toBe(0);
    expect(within(card()).getByText('Accepted by Landlord')).toBeTruthy();
    // Accepted terms are locked against edits underneath the acceptance.
    expect(within(card()).queryByRole('button', { name: /^Edit agreement/ })).toBeNull();
    expect(within(card()).getByText(/Accepted terms are locked/)).toBeTruthy();

    // The other side accepts in its own document; both acceptances make it accepted by both.
    act(() => seed(room.docs.sides.a.doc, 'acceptances', 'ag1', { acceptedAt: 5 }));
    expect(within(card()).getByText('Accepted by both')).toBeTruthy();

    fireEvent.click(within(card()).getByRole('button', { name: /^Withdraw our acceptance/ }));
    expect(read(room.docs.sides.b.doc, 'acceptances', 'ag1')).toBeUndefined();
    expect(within(card()).getByText('Accepted by Tenant')).toBeTruthy();
  });

  it('asks again when the terms change under an acceptance, as when both screens act at once', () => {
    const room = fakeRoom('side', 'b');
    seedAgreement(room);
    renderInRoom(<AgreementsSection />, room);
    fireEvent.click(within(card()).getByRole('button', { name: /^Accept for Landlord/ }));
    expect(read(room.docs.sides.b.doc, 'acceptances', 'ag1')).toMatchObject({ terms: expect.any(String) });
    expect(within(card()).getByText('Accepted by Landlord')).toBeTruthy();

    // The other side's edit of a commitment, made before it saw the acceptance, arrives.
    act(() => {
      updateItem(room.docs.joint.doc, 'commitments', COLLECTIONS.joint.commitments, 'c1', { due: '2030-09-01' });
    });
    expect(within(card()).getByText('Proposed')).toBeTruthy();
    expect(within(card()).getByText(/accepted earlier terms .*; they have changed since/)).toBeTruthy();
    // Terms nobody accepted are open to edits again.
    expect(within(card()).getByRole('button', { name: /^Edit agreement/ })).toBeTruthy();

    fireEvent.click(within(card()).getByRole('button', { name: /^Accept the new terms for Landlord/ }));
    expect(within(card()).getByText('Accepted by Landlord')).toBeTruthy();
  });

  it('records the outcome in the joint document once both sides accepted, and then withdrawal ends', () => {
    const room = fakeRoom('mediator');
    seedAgreement(room);
    renderInRoom(<AgreementsSection />, room);
    expect(within(card()).queryByRole('combobox', { name: /^Outcome/ })).toBeNull();
    // The mediator accepts for nobody.
    expect(within(card()).queryByRole('button', { name: /Accept/ })).toBeNull();

    act(() => {
      seed(room.docs.sides.a.doc, 'acceptances', 'ag1', { acceptedAt: 5 });
      seed(room.docs.sides.b.doc, 'acceptances', 'ag1', { acceptedAt: 6 });
    });
    fireEvent.change(within(card()).getByRole('combobox', { name: /^Outcome/ }), { target: { value: 'done' } });
    expect(read(room.docs.joint.doc, 'agreements', 'ag1')).toMatchObject({ outcome: 'done' });
    expect(within(card()).getByText('Done', { selector: '.agreement-status' })).toBeTruthy();
    // Commitments can now be marked as carried out.
    fireEvent.change(within(card()).getByRole('combobox', { name: /^Status of commitment “Draw up the rota”/ }), {
      target: { value: 'done' },
    });
    expect(read(room.docs.joint.doc, 'commitments', 'c1')).toMatchObject({ status: 'done' });
  });

  it('keeps verification prominent and marks a commitment without one', () => {
    const room = fakeRoom('side', 'a');
    seedAgreement(room);
    renderInRoom(<AgreementsSection />, room);
    const commitments = within(card()).getAllByRole('listitem');
    const rota = commitments.find((li) => li.textContent?.includes('Draw up the rota'))!;
    const fee = commitments.find((li) => li.textContent?.includes('Pay the parking fee'))!;
    expect(within(rota).getByText('How will we know it was done?')).toBeTruthy();
    expect(within(rota).getByText('Rota posted in the hallway and emailed to both')).toBeTruthy();
    expect(within(rota).queryByText('Needs a way to verify')).toBeNull();
    expect(within(fee).getByText('Needs a way to verify')).toBeTruthy();
    expect(within(card()).getByText(/1 commitment has no way to verify yet/)).toBeTruthy();

    fireEvent.change(within(fee).getByRole('textbox', { name: /^Add how both sides will check it/ }), {
      target: { value: 'Bank transfer receipt' },
    });
    fireEvent.click(within(fee).getByRole('button', { name: /^Add verification/ }));
    expect(read(room.docs.joint.doc, 'commitments', 'c2')).toMatchObject({ verification: 'Bank transfer receipt' });
    expect(screen.queryByText('Needs a way to verify')).toBeNull();
  });

  it('adds a commitment with an owner side, a due date and its verification', () => {
    const room = fakeRoom('side', 'a');
    seed(room.docs.joint.doc, 'agreements', 'ag1', { text: 'Repaint the hall', outcome: 'pending', createdAt: 1 });
    renderInRoom(<AgreementsSection />, room);
    fireEvent.click(screen.getByRole('button', { name: 'Add a commitment' }));
    const form = screen.getByRole('form', { name: /^New commitment/ });
    fireEvent.change(within(form).getByRole('textbox', { name: 'What will be done' }), {
      target: { value: 'Buy the paint' },
    });
    fireEvent.click(within(form).getByRole('radio', { name: 'Landlord' }));
    fireEvent.change(within(form).getByLabelText('Due by'), { target: { value: '2030-06-14' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'How will we know it was done?' }), {
      target: { value: 'Receipt shared' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Add commitment' }));
    const stored = [...room.docs.joint.doc.getMap('commitments').values()].map((v) =>
      (v as { toJSON: () => unknown }).toJSON(),
    );
    expect(stored).toEqual([
      expect.objectContaining({
        agreementId: 'ag1',
        what: 'Buy the paint',
        owner: 'b',
        due: '2030-06-14',
        verification: 'Receipt shared',
        status: 'pending',
      }),
    ]);
  });

  it('shows invalid agreements and commitments of removed agreements as such', () => {
    const room = fakeRoom('side', 'a');
    seedAgreement(room);
    seed(room.docs.joint.doc, 'agreements', 'broken', { text: '', outcome: 'maybe' });
    seed(room.docs.joint.doc, 'commitments', 'stray', {
      agreementId: 'gone',
      what: 'Orphan',
      owner: 'a',
      due: '',
      verification: '',
      status: 'pending',
      createdAt: 3,
    });
    seed(room.docs.sides.b.doc, 'acceptances', 'ag1', { acceptedAt: 'yesterday' });
    renderInRoom(<AgreementsSection />, room);
    expect(screen.getByText('Invalid agreement')).toBeTruthy();
    expect(screen.getByText('Invalid commitment')).toBeTruthy();
    // An invalid acceptance does not count as one.
    expect(within(card()).getByText('Proposed')).toBeTruthy();
  });
});

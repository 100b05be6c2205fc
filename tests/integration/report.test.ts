import {
  COLLECTIONS,
  addItem,
  canRead,
  collectReport,
  renderMarkdown,
  roomScopes,
  setRecordField,
  PRIVATE_NOTES_DEFAULTS,
  MEDIATOR_NOTES_DEFAULTS,
  RECORDS,
  type DocScope,
  type PulseView,
  type SideId,
} from '@parley/shared';
import { renderIcs } from '@parley/shared/ical';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  connectControl,
  emitAck,
  principalOf,
  setupRoom,
  syncedDoc,
  useServer,
  waitFor,
  type RoomFixture,
  type Seat,
} from '../helpers/index.js';

const server = useServer();

/**
 * A report is built in the reader's browser from the documents the reader's own
 * connections can read. These tests fill a room through real clients, then build each
 * role's report exactly that way and check what it records and what it must never hold.
 */

const SECRETS = {
  a: 'walk away to the flat on Elm Street',
  aDraft: 'offer to repaint ourselves',
  b: 'we would accept 1150 if pressed',
  mediator: 'Bob seems anxious about the board meeting',
};

let room: RoomFixture;
let pulses: PulseView[];

beforeAll(async () => {
  room = await setupRoom(server(), { mediated: true });
  const write = async (seat: Seat, scope: DocScope, fill: (doc: Y.Doc) => void) => {
    const client = await syncedDoc(server(), room.doc(scope), room.token(seat));
    fill(client.doc);
  };
  await write('a', { kind: 'side', side: 'a' }, (doc) => {
    addItem(doc, 'positions', COLLECTIONS.side.positions, {
      id: 'pa1',
      text: 'Rent stays at 1200',
      because: 'our budget is fixed',
      createdAt: 1,
    });
    addItem(doc, 'interests', COLLECTIONS.side.interests, {
      id: 'ia1',
      text: 'Predictable costs',
      kind: 'need',
      concern: 'time',
      importance: 5,
      positionIds: ['pa1'],
      createdAt: 2,
    });
    addItem(doc, 'scores', COLLECTIONS.side.scores, { id: 'opt1', value: 4, updatedAt: 3 });
    addItem(doc, 'acceptances', COLLECTIONS.side.acceptances, { id: 'ag1', acceptedAt: 4 });
  });
  await write('b', { kind: 'side', side: 'b' }, (doc) => {
    addItem(doc, 'interests', COLLECTIONS.side.interests, {
      id: 'ib1',
      text: 'A tenant who stays',
      kind: 'aspiration',
      concern: 'security',
      importance: 4,
      positionIds: [],
      createdAt: 2,
    });
    addItem(doc, 'constraints', COLLECTIONS.side.constraints, {
      id: 'cb1',
      text: 'No repairs before March',
      modality: 'cannot',
      kind: 'timing',
      createdAt: 3,
    });
    addItem(doc, 'scores', COLLECTIONS.side.scores, { id: 'opt1', value: 5, updatedAt: 3 });
    addItem(doc, 'acceptances', COLLECTIONS.side.acceptances, { id: 'ag1', acceptedAt: 4 });
  });
  await write('mediator', { kind: 'joint' }, (doc) => {
    addItem(doc, 'agenda', COLLECTIONS.joint.agenda, {
      id: 't1',
      title: 'Rent level',
      status: 'discussing',
      order: 1,
      createdAt: 1,
    });
    addItem(doc, 'options', COLLECTIONS.joint.options, {
      id: 'opt1',
      text: 'Two-year lease at 1250',
      serves: [
        { side: 'a', interestId: 'ia1' },
        { side: 'b', interestId: 'ib1' },
      ],
      createdAt: 2,
    });
    addItem(doc, 'criteria', COLLECTIONS.joint.criteria, {
      id: 'cr1',
      text: 'Rents of comparable flats on the street',
      kind: 'market',
      createdAt: 3,
    });
    addItem(doc, 'agreements', COLLECTIONS.joint.agreements, {
      id: 'ag1',
      text: 'Two-year lease at 1250',
      outcome: 'pending',
      createdAt: 4,
    });
    addItem(doc, 'commitments', COLLECTIONS.joint.commitments, {
      id: 'c1',
      agreementId: 'ag1',
      what: 'Send the signed lease',
      owner: 'b',
      due: '2026-12-15',
      verification: 'Scanned copy in the shared folder',
      status: 'pending',
      createdAt: 5,
    });
  });
  await write('a', { kind: 'private', side: 'a' }, (doc) => {
    setRecordField(doc, 'notes', RECORDS.private.notes, PRIVATE_NOTES_DEFAULTS, 'walkAway', SECRETS.a);
    addItem(doc, 'drafts', COLLECTIONS.private.drafts, {
      id: 'd1',
      kind: 'position',
      text: SECRETS.aDraft,
      because: '',
      createdAt: 1,
    });
  });
  await write('b', { kind: 'private', side: 'b' }, (doc) => {
    setRecordField(doc, 'notes', RECORDS.private.notes, PRIVATE_NOTES_DEFAULTS, 'reservation', SECRETS.b);
  });
  await write('mediator', { kind: 'mediator' }, (doc) => {
    setRecordField(doc, 'notes', RECORDS.mediator.notes, MEDIATOR_NOTES_DEFAULTS, 'notes', SECRETS.mediator);
  });

  // One released pulse: both sides answer, with the room's minimum lowered to two.
  const mediator = await connectControl(server(), room.token('mediator'));
  const sideA = await connectControl(server(), room.token('a'));
  const sideB = await connectControl(server(), room.token('b'));
  expect((await emitAck(mediator, 'pulse:settings', { minAnswers: 2 })).ok).toBe(true);
  const started = await emitAck(mediator, 'pulse:start', { statementIds: ['voice-1'] });
  if (!started.ok) throw new Error(JSON.stringify(started.error));
  for (const [socket, value] of [
    [sideA, 4],
    [sideB, 2],
  ] as const) {
    const answered = await emitAck(socket, 'pulse:answer', {
      pulseId: started.pulse.pulseId,
      ratings: { 'voice-1': value },
    });
    expect(answered.ok).toBe(true);
  }
  await waitFor(async () => {
    const state = await emitAck(mediator, 'pulse:get', {});
    if (state.ok) pulses = state.state.history;
    return pulses?.some((p) => p.status === 'closed') ?? false;
  }, 'the pulse to close once both sides answered');
});

/** Builds a seat's report from that seat's own connections, as the client does. */
async function reportFor(seat: Seat, includeOwnPrivate = false) {
  const who = principalOf(seat);
  const open = async (scope: DocScope) => (await syncedDoc(server(), room.doc(scope), room.token(seat))).doc;
  const readable = roomScopes(true).filter((scope) => canRead(who, scope, { mediated: true }));
  const docs = new Map<string, Y.Doc>();
  for (const scope of readable) docs.set(room.doc(scope), await open(scope));
  const get = (scope: DocScope) => docs.get(room.doc(scope))!;
  const side = who.side as SideId | undefined;
  const data = collectReport({
    room: { roomId: room.roomId, title: 'Lease renewal', sides: ['Tenant', 'Landlord'], mediated: true, createdAt: 0 },
    participants: [],
    joint: get({ kind: 'joint' }),
    sides: { a: get({ kind: 'side', side: 'a' }), b: get({ kind: 'side', side: 'b' }) },
    facilitation: get({ kind: 'facilitation' }),
    pulses,
    ...(includeOwnPrivate && side ? { ownPrivate: { side, doc: get({ kind: 'private', side }) } } : {}),
  });
  return { markdown: renderMarkdown(data), ics: renderIcs(data) };
}

describe('the session report built from real connections', () => {
  it("records both sides' boards, the joint space, agreements with commitments and the released pulse", async () => {
    const { markdown, ics } = await reportFor('observer');
    expect(markdown).toContain('- Rent level — Discussing');
    expect(markdown).toContain('- Rent stays at 1200 — because our budget is fixed');
    expect(markdown).toContain(
      'Predictable costs — Need, Time, certainty & risk, importance 5/5; explains: Rent stays at 1200',
    );
    expect(markdown).toContain('- Cannot: No repairs before March (Timing)');
    expect(markdown).toContain(
      '| Two-year lease at 1250 | 4 | 5 | Tenant: Predictable costs; Landlord: A tenant who stays | yes |',
    );
    expect(markdown).toContain('- Rents of comparable flats on the street (Market rate)');
    expect(markdown).toContain('Status: **Accepted by both**');
    expect(markdown).toContain(
      '| Landlord | Send the signed lease | 2026-12-15 | Scanned copy in the shared folder | Pending |',
    );
    expect(markdown).toMatch(/\| 2 \| 3\.00 \|/);
    expect(ics).toContain('DTSTART;VALUE=DATE:20261215');
  });

  it('never holds private notes or the mediator’s notes in any role’s report', async () => {
    for (const seat of ['mediator', 'a', 'b', 'observer'] as const) {
      const { markdown } = await reportFor(seat);
      for (const secret of Object.values(SECRETS)) expect(markdown, `${seat}'s report`).not.toContain(secret);
    }
  });

  it("includes a side's own private notes, marked private, only in that side's own copy when asked", async () => {
    const { markdown } = await reportFor('a', true);
    expect(markdown).toContain('## PRIVATE — Tenant’s own notes');
    expect(markdown).toContain(SECRETS.a);
    expect(markdown).toContain(SECRETS.aDraft);
    expect(markdown).not.toContain(SECRETS.b);
    expect(markdown).not.toContain(SECRETS.mediator);
  });
});

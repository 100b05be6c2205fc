import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS, MEDIATOR_NOTES_DEFAULTS, RECORDS } from '../model/collections.js';
import { addItem, setRecordField } from '../model/items.js';
import { collectReport, type ReportSources } from './collect.js';
import { renderIcs } from './ical.js';
import { renderMarkdown } from './markdown.js';

function filledRoom(): ReportSources {
  const joint = new Y.Doc();
  const a = new Y.Doc();
  const b = new Y.Doc();
  const facilitation = new Y.Doc();
  const priv = new Y.Doc();
  addItem(a, 'positions', COLLECTIONS.side.positions, {
    id: 'pa',
    text: 'Rent stays at 1200',
    because: 'our budget is fixed',
    createdAt: 1,
  });
  addItem(a, 'positions', COLLECTIONS.side.positions, {
    id: 'pa2',
    text: 'Fix the heating',
    because: '',
    createdAt: 2,
  });
  addItem(a, 'interests', COLLECTIONS.side.interests, {
    id: 'ia',
    text: 'Predictable costs',
    kind: 'need',
    concern: 'time',
    importance: 5,
    positionIds: ['pa'],
    createdAt: 3,
  });
  addItem(b, 'interests', COLLECTIONS.side.interests, {
    id: 'ib',
    text: 'A reliable tenant',
    kind: 'aspiration',
    concern: 'security',
    importance: 4,
    positionIds: [],
    createdAt: 3,
  });
  addItem(b, 'constraints', COLLECTIONS.side.constraints, {
    id: 'cb',
    text: 'No changes before the board meets | *really*',
    modality: 'cannot',
    kind: 'policy',
    createdAt: 4,
  });
  addItem(joint, 'options', COLLECTIONS.joint.options, {
    id: 'o1',
    text: 'Two-year lease at 1250',
    serves: [
      { side: 'a', interestId: 'ia' },
      { side: 'b', interestId: 'ib' },
    ],
    createdAt: 5,
  });
  addItem(a, 'scores', COLLECTIONS.side.scores, { id: 'o1', value: 4, updatedAt: 6 });
  addItem(b, 'scores', COLLECTIONS.side.scores, { id: 'o1', value: 5, updatedAt: 6 });
  addItem(joint, 'agreements', COLLECTIONS.joint.agreements, {
    id: 'ag',
    text: 'Two-year lease',
    outcome: 'pending',
    createdAt: 7,
  });
  addItem(joint, 'commitments', COLLECTIONS.joint.commitments, {
    id: 'c1',
    agreementId: 'ag',
    what: 'Send the signed lease',
    owner: 'b',
    due: '2026-12-15',
    verification: 'Scanned copy in the shared folder',
    status: 'pending',
    createdAt: 8,
  });
  addItem(a, 'acceptances', COLLECTIONS.side.acceptances, { id: 'ag', acceptedAt: 9 });
  addItem(b, 'acceptances', COLLECTIONS.side.acceptances, { id: 'ag', acceptedAt: 9 });
  priv.getMap('notes').set('walkAway', 'Move to the flat on Elm Street');
  return {
    room: { roomId: 'room12345', title: 'Lease renewal', sides: ['Tenant', 'Landlord'], mediated: true, createdAt: 0 },
    participants: [
      { memberId: 'm1', name: 'Dana', role: 'side', side: 'a' },
      { memberId: 'm2', name: 'Lee', role: 'side', side: 'b' },
      { memberId: 'm3', name: 'Sam', role: 'mediator' },
    ],
    joint,
    sides: { a, b },
    facilitation,
    pulses: [
      {
        pulseId: 'p1',
        statementIds: ['voice-1'],
        openedAt: 10,
        closesAt: 20,
        closedAt: 20,
        status: 'closed',
        answered: 3,
        eligible: 3,
        result: {
          released: true,
          answers: 3,
          statements: [{ statementId: 'voice-1', mean: 3.67, counts: [0, 0, 1, 2, 0] }],
        },
      },
      {
        pulseId: 'p2',
        statementIds: ['voice-1'],
        openedAt: 30,
        closesAt: 40,
        closedAt: 40,
        status: 'closed',
        answered: 1,
        eligible: 3,
        result: { released: false, answers: 1, reason: 'below_minimum' },
      },
    ],
    ownPrivate: { side: 'a', doc: priv },
    now: Date.UTC(2026, 10, 23, 12, 0),
  };
}

describe('the session report', () => {
  it('records positions with reasons, scores, coverage, agreements and commitments', () => {
    const report = renderMarkdown(collectReport(filledRoom()));
    expect(report).toContain('# Lease renewal');
    expect(report).toContain('- **Tenant** (side A): Dana');
    expect(report).toContain('- Rent stays at 1200 — because our budget is fixed');
    expect(report).toContain('- Fix the heating — because _(no reason given)_');
    expect(report).toContain(
      'Predictable costs — Need, Time, certainty & risk, importance 5/5; explains: Rent stays at 1200',
    );
    expect(report).toContain(
      '| Two-year lease at 1250 | 4 | 5 | Tenant: Predictable costs; Landlord: A reliable tenant | yes |',
    );
    expect(report).toContain('Status: **Accepted by both**');
    expect(report).toContain(
      '| Landlord | Send the signed lease | 2026-12-15 | Scanned copy in the shared folder | Pending |',
    );
  });

  it('speaks the words the room showed, never the model’s ids', () => {
    const report = renderMarkdown(collectReport(filledRoom()));
    expect(report).toContain('Current phase: Opening.');
    expect(report).toContain('(Policy)');
    expect(report).toContain('A reliable tenant — Aspiration,');
    expect(report).not.toMatch(/\b(accepted by [ab]|policy|aspiration|pending|opening)\b/);
  });

  it('escapes what people typed so it cannot restructure the report', () => {
    expect(renderMarkdown(collectReport(filledRoom()))).toContain(
      'Cannot: No changes before the board meets \\| \\*really\\*',
    );
  });

  it('shows released pulses only', () => {
    const report = renderMarkdown(collectReport(filledRoom()));
    expect(report).toContain('| 3 | 3.67 |');
    expect(report).not.toMatch(/\| 1 \| /);
  });

  it('includes private notes only when the side asked for its own, clearly marked', () => {
    const withPrivate = renderMarkdown(collectReport(filledRoom()));
    expect(withPrivate).toContain('## PRIVATE — Tenant’s own notes');
    expect(withPrivate).toContain('Move to the flat on Elm Street');
    const { ownPrivate: _omit, ...withoutPrivate } = filledRoom();
    expect(renderMarkdown(collectReport(withoutPrivate))).not.toContain('Elm Street');
  });

  it('includes the mediator’s notes only in the copy of the mediator who asked, clearly marked', () => {
    const { ownPrivate: _omit, ...room } = filledRoom();
    const mediatorDoc = new Y.Doc();
    setRecordField(mediatorDoc, 'notes', RECORDS.mediator.notes, MEDIATOR_NOTES_DEFAULTS, 'notes', 'Tom is tense');
    const withNotes = renderMarkdown(collectReport({ ...room, ownMediatorNotes: mediatorDoc }));
    expect(withNotes).toContain('## PRIVATE — Mediator’s own notes');
    expect(withNotes).toContain('Tom is tense');
    expect(renderMarkdown(collectReport(room))).not.toContain('Tom is tense');
  });

  it('exports each dated commitment as an all-day calendar event', () => {
    const ics = renderIcs(collectReport(filledRoom()));
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('DTSTART;VALUE=DATE:20261215');
    expect(ics).toContain('DTEND;VALUE=DATE:20261216');
    expect(ics).not.toContain('DURATION');
    expect(ics).toContain('SUMMARY:Landlord: Send the signed lease');
  });
});

import type * as Y from 'yjs';
import type { MemberView, PulseView } from '../events.js';
import { pulseStatement } from '../pulse.js';
import {
  COLLECTIONS,
  FACILITATION_DEFAULTS,
  MEDIATOR_NOTES_DEFAULTS,
  PRIVATE_NOTES_DEFAULTS,
  RECORDS,
} from '../model/collections.js';
import { agreementStatus, optionCoverage, type AgreementStatus } from '../model/derive.js';
import { validItems, readRecord } from '../model/items.js';
import type { Acceptance, Constraint, Interest, Notice, Position, Score } from '../schemas/board.js';
import type { Draft, Phase, PhaseChange, PrivateNotes } from '../schemas/facilitation.js';
import type { AgendaTopic, Commitment, Criterion } from '../schemas/joint.js';
import type { RoomSummary } from '../schemas/api.js';
import { SIDE_IDS, type SideId } from '../scopes.js';

/**
 * Everything a session report shows, gathered from the documents the reader can see.
 * A report is built in the reader's own browser from the reader's own connections,
 * so it can never contain what that reader may not read.
 */
export interface ReportData {
  room: RoomSummary;
  generatedAt: number;
  participants: MemberView[];
  phase: Phase;
  phaseHistory: PhaseChange[];
  agenda: AgendaTopic[];
  sides: Array<{
    side: SideId;
    name: string;
    positions: Position[];
    interests: Interest[];
    constraints: Constraint[];
    notices: Notice[];
  }>;
  options: Array<{
    text: string;
    scores: Record<SideId, number | null>;
    serves: Array<{ side: SideId; interest: string }>;
    mutual: boolean;
  }>;
  criteria: Criterion[];
  agreements: Array<{ text: string; status: AgreementStatus; createdAt: number; commitments: Commitment[] }>;
  /** Released pulses only; withheld results never appear. */
  pulses: Array<{ closedAt: number; answers: number; mean: number; statements: Array<{ text: string; mean: number }> }>;
  /** Present only in a side's own export, when the person asked for it. */
  privateNotes?: { side: SideId; notes: PrivateNotes; drafts: Draft[] };
  /** Present only in the mediator's own export, when they asked for it. */
  mediatorNotes?: { notes: string };
}

export interface ReportSources {
  room: RoomSummary;
  participants: MemberView[];
  joint: Y.Doc;
  sides: Record<SideId, Y.Doc>;
  facilitation: Y.Doc;
  pulses: PulseView[];
  /** The reader's own side's private doc, only when they chose to include it. */
  ownPrivate?: { side: SideId; doc: Y.Doc };
  /** The mediator's own notes doc, only when they chose to include it. */
  ownMediatorNotes?: Y.Doc;
  now?: number;
}

export function collectReport(src: ReportSources): ReportData {
  const side = (s: SideId) => ({
    positions: validItems(src.sides[s], 'positions', COLLECTIONS.side.positions),
    interests: validItems(src.sides[s], 'interests', COLLECTIONS.side.interests),
    constraints: validItems(src.sides[s], 'constraints', COLLECTIONS.side.constraints),
    notices: validItems(src.sides[s], 'notices', COLLECTIONS.side.notices),
    scores: validItems<Score>(src.sides[s], 'scores', COLLECTIONS.side.scores),
    acceptances: validItems<Acceptance>(src.sides[s], 'acceptances', COLLECTIONS.side.acceptances),
  });
  const a = side('a');
  const b = side('b');
  const bySide = { a, b };
  const interests = { a: a.interests, b: b.interests };
  const commitments = validItems(src.joint, 'commitments', COLLECTIONS.joint.commitments);

  const data: ReportData = {
    room: src.room,
    generatedAt: src.now ?? Date.now(),
    participants: src.participants,
    phase: readRecord(src.facilitation, 'state', RECORDS.facilitation.state, FACILITATION_DEFAULTS).phase,
    phaseHistory: validItems(src.facilitation, 'phaseHistory', COLLECTIONS.facilitation.phaseHistory),
    agenda: validItems(src.joint, 'agenda', COLLECTIONS.joint.agenda).sort((x, y) => x.order - y.order),
    sides: SIDE_IDS.map((s, i) => ({
      side: s,
      name: src.room.sides[i] ?? s,
      positions: bySide[s].positions,
      interests: bySide[s].interests,
      constraints: bySide[s].constraints,
      notices: bySide[s].notices,
    })),
    options: validItems(src.joint, 'options', COLLECTIONS.joint.options).map((option) => {
      const coverage = optionCoverage(option, interests);
      return {
        text: option.text,
        scores: {
          a: a.scores.find((x) => x.id === option.id)?.value ?? null,
          b: b.scores.find((x) => x.id === option.id)?.value ?? null,
        },
        serves: SIDE_IDS.flatMap((s) => coverage.served[s].map((i) => ({ side: s, interest: i.text }))),
        mutual: coverage.mutual,
      };
    }),
    criteria: validItems(src.joint, 'criteria', COLLECTIONS.joint.criteria),
    agreements: validItems(src.joint, 'agreements', COLLECTIONS.joint.agreements).map((agreement) => ({
      text: agreement.text,
      createdAt: agreement.createdAt,
      status: agreementStatus(agreement, { a: a.acceptances, b: b.acceptances }, commitments),
      commitments: commitments.filter((c) => c.agreementId === agreement.id),
    })),
    pulses: src.pulses.flatMap((p) => {
      if (p.status !== 'closed' || !p.result?.released || p.closedAt === undefined) return [];
      const statements = p.result.statements.map((s) => ({
        text: pulseStatement(s.statementId)?.text ?? s.statementId,
        mean: s.mean,
      }));
      const mean = statements.reduce((t, s) => t + s.mean, 0) / Math.max(1, statements.length);
      return [{ closedAt: p.closedAt, answers: p.result.answers, mean, statements }];
    }),
  };
  if (src.ownPrivate) {
    data.privateNotes = {
      side: src.ownPrivate.side,
      notes: readRecord(src.ownPrivate.doc, 'notes', RECORDS.private.notes, PRIVATE_NOTES_DEFAULTS),
      drafts: validItems(src.ownPrivate.doc, 'drafts', COLLECTIONS.private.drafts),
    };
  }
  if (src.ownMediatorNotes) {
    data.mediatorNotes = readRecord(src.ownMediatorNotes, 'notes', RECORDS.mediator.notes, MEDIATOR_NOTES_DEFAULTS);
  }
  return data;
}

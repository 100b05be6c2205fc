import {
  AGENDA_STATUS_LABELS,
  agreementStatusLabel,
  COMMITMENT_STATUS_LABELS,
  CONSTRAINT_KIND_LABELS,
  CONSTRAINT_MODALITY_LABELS,
  CRITERION_KIND_LABELS,
  DRAFT_KIND_LABELS,
  INTEREST_KIND_LABELS,
  PHASE_LABELS,
  possessiveOf,
  SIDE_LETTER,
  sideName,
} from '../labels.js';
import { CORE_CONCERN_LABELS } from '../schemas/board.js';
import type { SideId } from '../scopes.js';
import type { ReportData } from './collect.js';

/** The session report as Markdown: a record both sides can keep and check, in the words the room used. */
export function renderMarkdown(r: ReportData): string {
  const out: string[] = [];
  const side = (id: SideId) => sideName(r.room, id);
  out.push(`# ${md(r.room.title)}`, '');
  out.push(
    `Session report generated ${isoMinute(r.generatedAt)}. Room opened ${isoMinute(r.room.createdAt)}. Current phase: ${PHASE_LABELS[r.phase]}.`,
    '',
  );

  out.push('## Sides and participants', '');
  for (const s of r.sides) {
    const people = r.participants.filter((p) => p.role === 'side' && p.side === s.side).map((p) => md(p.name));
    out.push(`- **${md(s.name)}** (side ${SIDE_LETTER[s.side]})${people.length ? `: ${people.join(', ')}` : ''}`);
  }
  const mediators = r.participants.filter((p) => p.role === 'mediator').map((p) => md(p.name));
  if (r.room.mediated) out.push(`- **Mediator**${mediators.length ? `: ${mediators.join(', ')}` : ''}`);
  const observers = r.participants.filter((p) => p.role === 'observer').map((p) => md(p.name));
  if (observers.length) out.push(`- **Observers**: ${observers.join(', ')}`);
  out.push('');

  out.push('## Agenda', '');
  list(
    out,
    r.agenda.map((t) => `${md(t.title)} — ${AGENDA_STATUS_LABELS[t.status]}`),
  );

  for (const s of r.sides) {
    out.push(`## ${md(s.name)}`, '');
    out.push('### Positions', '');
    list(
      out,
      s.positions.map((p) => `${md(p.text)} — because ${p.because.trim() ? md(p.because) : '_(no reason given)_'}`),
    );
    out.push('### Interests', '');
    list(
      out,
      s.interests.map((i) => {
        const explains = i.positionIds.map((id) => s.positions.find((p) => p.id === id)?.text).filter(Boolean);
        return `${md(i.text)} — ${INTEREST_KIND_LABELS[i.kind]}, ${CORE_CONCERN_LABELS[i.concern]}, importance ${i.importance}/5${explains.length ? `; explains: ${explains.map((t) => md(t!)).join('; ')}` : ''}`;
      }),
    );
    out.push('### Constraints', '');
    list(
      out,
      s.constraints.map(
        (c) => `${CONSTRAINT_MODALITY_LABELS[c.modality]}: ${md(c.text)} (${CONSTRAINT_KIND_LABELS[c.kind]})`,
      ),
    );
    if (s.notices.length) {
      out.push('### Notices', '');
      list(
        out,
        s.notices.map((n) => `${isoMinute(n.createdAt)} — ${md(n.text)}`),
      );
    }
  }

  out.push('## Options', '');
  if (r.options.length === 0) out.push('_None._', '');
  else {
    out.push(
      `| option | ${md(side('a'))} score | ${md(side('b'))} score | serves | both sides? |`,
      '| --- | --- | --- | --- | --- |',
    );
    for (const o of r.options) {
      const serves = o.serves.map((x) => `${md(side(x.side))}: ${md(x.interest)}`).join('; ') || '—';
      out.push(
        `| ${cell(o.text)} | ${o.scores.a ?? '—'} | ${o.scores.b ?? '—'} | ${cell(serves)} | ${o.mutual ? 'yes' : 'no'} |`,
      );
    }
    out.push('');
  }

  out.push('## Criteria', '');
  list(
    out,
    r.criteria.map((c) => `${md(c.text)} (${CRITERION_KIND_LABELS[c.kind]})`),
  );

  out.push('## Agreements and commitments', '');
  if (r.agreements.length === 0) out.push('_None._', '');
  for (const a of r.agreements) {
    out.push(`### ${md(a.text)}`, '', `Status: **${md(agreementStatusLabel(a.status, r.room))}**`, '');
    if (a.commitments.length) {
      out.push('| who | what | by | verified by | status |', '| --- | --- | --- | --- | --- |');
      for (const c of a.commitments) {
        out.push(
          `| ${cell(side(c.owner))} | ${cell(c.what)} | ${c.due || '—'} | ${cell(c.verification || '—')} | ${COMMITMENT_STATUS_LABELS[c.status]} |`,
        );
      }
      out.push('');
    }
  }

  out.push('## Phases', '');
  list(
    out,
    r.phaseHistory.map((p) => `${isoMinute(p.at)} — ${PHASE_LABELS[p.phase]}`),
  );

  out.push('## Pulse trend', '');
  if (r.pulses.length === 0) out.push('_No pulse results were released._', '');
  else {
    out.push(
      'Only pulses that reached the room’s minimum number of answers are shown; individual answers are never stored.',
      '',
    );
    out.push('| closed | answers | mean (1–5) |', '| --- | --- | --- |');
    for (const p of r.pulses) out.push(`| ${isoMinute(p.closedAt)} | ${p.answers} | ${p.mean.toFixed(2)} |`);
    out.push('');
  }

  if (r.privateNotes) {
    const n = r.privateNotes;
    out.push(
      `## PRIVATE — ${md(possessiveOf(side(n.side)))} own notes`,
      '',
      '> Private to your side. Included because you asked for it; nobody else’s report contains this.',
      '',
    );
    out.push(
      `- Walk-away alternative: ${md(n.notes.walkAway) || '—'}`,
      `- Reservation point: ${md(n.notes.reservation) || '—'}`,
      `- Notes: ${md(n.notes.notes) || '—'}`,
      '',
    );
    if (n.drafts.length)
      list(
        out,
        n.drafts.map((d) => `Draft ${DRAFT_KIND_LABELS[d.kind].toLowerCase()}: ${md(d.text)}`),
      );
  }
  if (r.mediatorNotes) {
    out.push(
      '## PRIVATE — Mediator’s own notes',
      '',
      '> Private to the mediator. Included because you asked for it; nobody else’s report contains this.',
      '',
      md(r.mediatorNotes.notes) || '—',
      '',
    );
  }
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

function list(out: string[], items: string[]): void {
  if (items.length === 0) out.push('_None._', '');
  else out.push(...items.map((i) => `- ${i}`), '');
}

/** Text typed by people is escaped so it cannot restructure the report. */
function md(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]#<>|])/g, '\\$1');
}

function cell(text: string): string {
  return md(text);
}

function isoMinute(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

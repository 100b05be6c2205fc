import type { MemberView } from '@parley/shared';
import { collectReport, renderMarkdown } from '@parley/shared';
import { renderIcs } from '@parley/shared/ical';
import type { MouseEvent } from 'react';
import { useId, useMemo, useState } from 'react';
import { ReportView } from '../components/report/ReportView';
import { downloadText, slug } from '../components/report/download';
import '../components/pulse/pulse.css';
import '../components/report/report.css';
import {
  mergeParticipants,
  useAllSynced,
  useDocsVersion,
  useTimelineAuthors,
} from '../components/report/useReportSources';
import type { Control } from '../hooks/useControl';
import { useControl } from '../hooks/useControl';
import { navigate } from '../hooks/useLocation';
import { usePulse } from '../hooks/usePulse';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import type { RoomDocs } from '../hooks/useRoomDocs';
import { useRoomDocs } from '../hooks/useRoomDocs';
import type { Session } from '../lib/session';
import { loadSession } from '../lib/session';
import { isoDate } from '../lib/time';
import { NoSession } from './NoSession';
import { OpeningRoom } from './OpeningRoom';

/** The session report, built in this browser from the documents this member can read. */
export default function ReportPage({ roomId }: { roomId: string }) {
  const [session] = useState(() => loadSession(roomId));
  if (!session) return <NoSession />;
  return <ReportLoader session={session} />;
}

function ReportLoader({ session }: { session: Session }) {
  const docs = useRoomDocs(session);
  const control = useControl(session);
  useDocumentTitle(`Session report — ${session.room.title} — Parley`);
  if (!docs) {
    return <OpeningRoom />;
  }
  return <ReportScreen session={session} docs={docs} control={control} />;
}

function roomPath(roomId: string): string {
  return `/room/${encodeURIComponent(roomId)}`;
}

function backToRoom(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.pathname);
}

interface ReportScreenProps {
  session: Session;
  docs: RoomDocs;
  control: Pick<Control, 'socket' | 'status' | 'you' | 'members'>;
}

export function ReportScreen({ session, docs, control }: ReportScreenProps) {
  const synced = useAllSynced(docs.all);
  const version = useDocsVersion(docs.all);
  const pulse = usePulse(control.socket);
  const authors = useTimelineAuthors(control.socket, control.status === 'live');
  const [includePrivate, setIncludePrivate] = useState(false);
  const checkboxId = useId();
  // Only a side member has a private doc of their own; nobody else is even offered the choice.
  const ownPrivate =
    session.role === 'side' && session.side && docs.private?.scope.side === session.side ? docs.private : null;
  const ownMediator = session.role === 'mediator' ? docs.mediator : null;

  const history = pulse.state?.history;
  const participants = useMemo<MemberView[]>(() => {
    const self: MemberView = control.you ?? {
      memberId: session.memberId,
      name: session.name,
      role: session.role,
      ...(session.side ? { side: session.side } : {}),
    };
    return mergeParticipants([self], control.members, authors ?? []);
  }, [control.you, control.members, authors, session]);

  const data = useMemo(
    () =>
      collectReport({
        room: session.room,
        participants,
        joint: docs.joint.doc,
        sides: { a: docs.sides.a.doc, b: docs.sides.b.doc },
        facilitation: docs.facilitation.doc,
        pulses: history ?? [],
        ...(includePrivate && ownPrivate && session.side
          ? { ownPrivate: { side: session.side, doc: ownPrivate.doc } }
          : {}),
        ...(includePrivate && ownMediator ? { ownMediatorNotes: ownMediator.doc } : {}),
      }),
    // `version` stands for the docs' contents, which change in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [version, session, participants, docs, history, includePrivate, ownPrivate, ownMediator],
  );

  const base = `${slug(session.room.title)}-${isoDate(data.generatedAt)}`;
  const dated = data.agreements.reduce((n, a) => n + a.commitments.filter((c) => c.due).length, 0);
  const ready = synced && pulse.state !== null;

  return (
    <div className="report-page-shell">
      <header className="report-toolbar">
        <a className="brand" href="/">
          Parley
        </a>
        <a href={roomPath(session.room.roomId)} onClick={backToRoom}>
          <span aria-hidden="true">← </span>Back to the room
        </a>
      </header>
      <main className="report-main">
        <section className="report-controls" aria-labelledby="report-controls-title">
          <h2 id="report-controls-title">Export</h2>
          <p className="report-controls-intro">
            Built in this browser from what you can see in the room. Released pulse results only; nobody’s private notes
            unless you add your own.
          </p>
          {!ready && (
            <p className="report-loading" role="status">
              Gathering the room’s documents and pulse results…
            </p>
          )}
          {(ownPrivate || ownMediator) && (
            <div className="field checkbox-field">
              <label className="choice" htmlFor={checkboxId}>
                <input
                  id={checkboxId}
                  type="checkbox"
                  checked={includePrivate}
                  onChange={(e) => setIncludePrivate(e.target.checked)}
                />
                <span>{ownPrivate ? 'Include our private notes' : 'Include my notes'} (only in my copy)</span>
              </label>
              <p className="field-hint">
                {ownPrivate
                  ? 'Adds your side’s walk-away alternative, reservation point, notes and drafts, marked private. Do not send that copy to the other side.'
                  : 'Adds your mediator’s notes, marked private. Do not send that copy to the sides.'}
              </p>
            </div>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() =>
                downloadText(
                  `${base}${data.privateNotes || data.mediatorNotes ? '-private' : ''}.md`,
                  renderMarkdown(data),
                  'text/markdown;charset=utf-8',
                )
              }
            >
              Download Markdown
            </button>
            <button
              type="button"
              className="button"
              onClick={() => downloadText(`${base}-commitments.ics`, renderIcs(data), 'text/calendar;charset=utf-8')}
            >
              Download calendar (.ics)
            </button>
            <button type="button" className="button" onClick={() => window.print()}>
              Print or save as PDF
            </button>
          </div>
          <p className="field-hint">
            The calendar has one all-day event per commitment with a due date ({dated}{' '}
            {dated === 1 ? 'commitment' : 'commitments'} so far).
          </p>
        </section>
        <ReportView data={data} pulses={history ?? []} />
      </main>
    </div>
  );
}

import { sideName } from '@parley/shared';
import type { RoomSummary, TimelineEntry } from '@parley/shared';
import { useId, useMemo } from 'react';
import type { ControlSocket } from '../../hooks/useControl';
import { useTimeline } from '../../hooks/useTimeline';
import { formatClock } from '../../lib/time';

/** "Tenant", "Mediator": who the person was in the room when they made the change. */
export function entryRole(room: Pick<RoomSummary, 'sides'>, entry: Pick<TimelineEntry, 'role' | 'side'>): string {
  if (entry.role === 'side' && entry.side) return sideName(room, entry.side);
  return entry.role === 'mediator' ? 'Mediator' : 'Observer';
}

/**
 * A phase move is recorded twice: the move itself ("moved the room to the options
 * phase") and the history entry it appends. The second says nothing new.
 */
const ECHO = /^(added|removed an?) phase change$/;

export function visibleEntries(entries: TimelineEntry[]): TimelineEntry[] {
  return entries.filter((e) => !ECHO.test(e.summary));
}

function tone(entry: TimelineEntry): string {
  return entry.role === 'side' && entry.side ? `tone-side-${entry.side}` : `tone-${entry.role}`;
}

interface TimelinePanelProps {
  socket: ControlSocket | null;
  room: RoomSummary;
}

/** Who changed what and when, as the server recorded it; newest first. */
export function TimelinePanel({ socket, room }: TimelinePanelProps) {
  const headingId = useId();
  const timeline = useTimeline(socket);
  const entries = useMemo(() => visibleEntries(timeline.entries), [timeline.entries]);

  return (
    <section className="rail-panel timeline-panel" id="timeline" aria-labelledby={headingId}>
      <h2 id={headingId}>Timeline</h2>
      <p className="rail-caption">Every change to the board, recorded by the server. Newest first.</p>
      {!timeline.loaded ? (
        <p className="empty" role="status">
          Loading the timeline…
        </p>
      ) : entries.length === 0 ? (
        <p className="empty">Nothing has changed yet. Changes appear here as they happen.</p>
      ) : (
        <ol className="timeline-list">
          {entries.map((entry) => (
            <li key={entry.seq} className={`timeline-entry ${tone(entry)}`}>
              <time dateTime={new Date(entry.at).toISOString()} className="timeline-time">
                {formatClock(entry.at)}
              </time>{' '}
              <span className="timeline-text">
                <strong>{entry.name}</strong> <span className="timeline-role">({entryRole(room, entry)})</span>{' '}
                {entry.summary}
              </span>
            </li>
          ))}
        </ol>
      )}
      {timeline.error && (
        <p className="form-error" role="alert">
          {timeline.error}
        </p>
      )}
      {timeline.hasMore && (
        <button type="button" className="button" onClick={timeline.loadEarlier}>
          {timeline.loadingEarlier ? 'Loading…' : 'Show earlier changes'}
        </button>
      )}
    </section>
  );
}

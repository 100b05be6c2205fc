import { SIDE_IDS, SIDE_LETTER, sideName } from '@parley/shared';
import { useRoom } from '../../hooks/useRoom';
import { useSideCollections, validOnly } from '../../hooks/useSideCollections';
import { formatMoment } from '../ui/dates';
import { Section } from '../ui/Section';

const SHOWN = 5;

/** Both sides' latest "no surprises" notices in one place; each side posts them on its own board. */
export function RecentNotices() {
  const { session } = useRoom();
  const notices = useSideCollections('notices');
  const all = SIDE_IDS.flatMap((side) => validOnly(notices[side].items).map((notice) => ({ side, notice }))).sort(
    (x, y) => y.notice.createdAt - x.notice.createdAt,
  );
  const shown = all.slice(0, SHOWN);

  return (
    <Section
      title="Recent notices"
      count={all.length}
      description="No surprises: moves each side announced before making them. Sides post notices on their own board."
    >
      {shown.length === 0 ? (
        <p className="empty">No notices yet.</p>
      ) : (
        <ul className="recent-notices">
          {shown.map(({ side, notice }) => (
            <li key={`${side}/${notice.id}`} className={`recent-notice side-mark-${side}`}>
              <span className={`side-chip side-chip-${side}`} aria-hidden="true">
                {SIDE_LETTER[side]}
              </span>
              <span className="recent-notice-body">
                <span className="recent-notice-meta">
                  <strong>{sideName(session.room, side)}</strong> ·{' '}
                  <time dateTime={new Date(notice.createdAt).toISOString()}>{formatMoment(notice.createdAt)}</time>
                </span>
                <span className="recent-notice-text">{notice.text}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {all.length > SHOWN && (
        <p className="more-note">
          {all.length - SHOWN} older {all.length - SHOWN === 1 ? 'notice is' : 'notices are'} on the side boards.
        </p>
      )}
    </Section>
  );
}

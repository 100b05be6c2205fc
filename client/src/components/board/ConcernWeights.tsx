import { concernWeights, CORE_CONCERN_LABELS } from '@parley/shared';
import { useCollection } from '../../hooks/useCollection';
import type { DocHandle } from '../../hooks/useRoomDocs';
import { validOnly } from '../../hooks/useSideCollections';
import { Section } from '../ui/Section';
import './board-extra.css';

/**
 * Which core concerns carry the most weight for this side: the importance of its
 * interests summed per concern, heaviest first. Each bar has its number in words.
 */
export function ConcernWeights({ handle }: { handle: DocHandle<'side'> }) {
  const interests = validOnly(useCollection(handle, 'interests').items);
  const weights = concernWeights(interests);
  const max = Math.max(1, ...weights.map((w) => w.weight));

  return (
    <Section
      title="Core concerns"
      description="What weighs most for this side: the importance of its interests, per concern."
    >
      {interests.length === 0 ? (
        <p className="empty">Appears once the side lists its interests.</p>
      ) : (
        <ul className="concern-weights">
          {weights.map(({ concern, weight, count }) => (
            <li key={concern} className={weight === 0 ? 'concern-none' : undefined}>
              <span className="concern-name">{CORE_CONCERN_LABELS[concern]}</span>
              <span className="concern-bar" aria-hidden="true">
                <span className="concern-fill" style={{ width: `${(weight / max) * 100}%` }} />
              </span>
              <span className="concern-value">
                {weight === 0 ? (
                  'none'
                ) : (
                  <>
                    weight {weight}
                    <span className="concern-count">
                      {' '}
                      ({count} {count === 1 ? 'interest' : 'interests'})
                    </span>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

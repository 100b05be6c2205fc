import type { ReactNode } from 'react';
import { useId } from 'react';

interface SectionProps {
  title: string;
  count?: number;
  /** One line saying what belongs here, for people new to the method. */
  description?: string;
  children: ReactNode;
}

export function Section({ title, count, description, children }: SectionProps) {
  const id = useId();
  return (
    <section className="board-section" aria-labelledby={id}>
      <div className="section-head">
        <h3 id={id}>{title}</h3>
        {count !== undefined && (
          <span className="count" aria-label={`${count} ${count === 1 ? 'item' : 'items'}`}>
            {count}
          </span>
        )}
      </div>
      {description && <p className="section-description">{description}</p>}
      {children}
    </section>
  );
}

/** The list of a section's items, or a quiet line when there are none. */
export function ItemList({ empty, children }: { empty: string; children: ReactNode[] }) {
  if (children.length === 0) return <p className="empty">{empty}</p>;
  return <ul className="item-list">{children}</ul>;
}

import type { ReactNode } from 'react';
import { createContext, useContext, useId } from 'react';

/**
 * Names the board a section sits on, so that the landmarks of the two side boards
 * ("Tenant: Positions", "Landlord: Positions") differ for screen-reader navigation.
 */
export const SectionOwner = createContext<string | null>(null);

interface SectionProps {
  title: string;
  count?: number;
  /** One line saying what belongs here, for people new to the method. */
  description?: string;
  children: ReactNode;
}

export function Section({ title, count, description, children }: SectionProps) {
  const id = useId();
  const owner = useContext(SectionOwner);
  const landmark = owner ? { 'aria-label': `${owner}: ${title}` } : { 'aria-labelledby': id };
  return (
    <section className="board-section" {...landmark}>
      <div className="section-head">
        <h3 id={id}>{title}</h3>
        {count !== undefined && (
          <span className="count">
            <span aria-hidden="true">{count}</span>
            <span className="visually-hidden">{`${count} ${count === 1 ? 'item' : 'items'}`}</span>
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

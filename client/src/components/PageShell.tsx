import type { ReactNode } from 'react';

/** The frame of the pages outside a room: the brand, one heading, a calm single column. */
export function PageShell({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <div className="page">
      <header className="page-header">
        <a className="brand" href="/">
          Parley
        </a>
      </header>
      <main className="page-main">
        <h1>{title}</h1>
        {intro && <div className="page-intro">{intro}</div>}
        {children}
      </main>
    </div>
  );
}

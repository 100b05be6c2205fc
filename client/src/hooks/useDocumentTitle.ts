import { useEffect } from 'react';

/** The tab's title while the page is shown; Parley's own name again once it is left. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
    return () => {
      document.title = 'Parley';
    };
  }, [title]);
}

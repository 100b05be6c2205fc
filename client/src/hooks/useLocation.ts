import { useSyncExternalStore } from 'react';

/** The app's three routes live in the path; history changes made here are announced with this event. */
const NAVIGATE = 'parley:navigate';

function subscribe(notify: () => void): () => void {
  window.addEventListener('popstate', notify);
  window.addEventListener(NAVIGATE, notify);
  return () => {
    window.removeEventListener('popstate', notify);
    window.removeEventListener(NAVIGATE, notify);
  };
}

export function navigate(path: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE));
}

/** The current path (without query or fragment). */
export function useLocation(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}

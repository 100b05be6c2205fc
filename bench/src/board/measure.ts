/**
 * The in-page half of the measurements. Playwright sends each function's source to the
 * page, so each is self-contained: no imports, no helpers from this module. The
 * benchmark compiles without the DOM library, so the little of the page these use is
 * typed here.
 */

interface PageElement {
  textContent: string | null;
  isConnected: boolean;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}

interface PageGlobals {
  document: PageElement;
  localStorage: { getItem(key: string): string | null };
  performance: { now(): number; timeOrigin: number };
  requestAnimationFrame(callback: () => void): number;
  MutationObserver: new (callback: () => void) => {
    observe(target: PageElement, options: { childList?: boolean; subtree?: boolean; characterData?: boolean }): void;
    disconnect(): void;
  };
  MessageChannel: new () => {
    port1: { onmessage: (() => void) | null };
    port2: { postMessage(message: null): void };
  };
  addEventListener(type: 'click', listener: () => void, capture: boolean): void;
  boardBench?: BenchState;
}

interface BenchState {
  /** `performance.now()` (ms since navigation start) once every card was painted. */
  renderedAt: number | null;
  /** Wall-clock `timeOrigin + now()` of the last click this page received. */
  clickAt: number | null;
  /** Wall-clock time at which the awaited text was painted. */
  changeSeenAt: number | null;
}

/** The cards of side A's board: its positions, interests and constraints. */
export const SIDE_A_CARDS = 'section.column-side.side-a li.item-card';
/** The text of a card on side A's board. */
export const SIDE_A_TEXTS = 'section.column-side.side-a li.item-card .item-text';

/** Reads a localStorage entry of the page. */
export function readLocalStorage(key: string): string | null {
  return (globalThis as unknown as PageGlobals).localStorage.getItem(key);
}

/**
 * Installed before the page's own scripts: watches the DOM from the first node on and,
 * once `count` cards match `selector`, waits for the next animation frame and then for
 * a task posted from it, which runs after that frame's style, layout and paint, and
 * keeps `performance.now()`, which counts from navigation start.
 */
export function renderProbe({ selector, count }: { selector: string; count: number }): void {
  const page = globalThis as unknown as PageGlobals;
  const state: BenchState = { renderedAt: null, clickAt: null, changeSeenAt: null };
  page.boardBench = state;
  const observer = new page.MutationObserver(() => {
    if (page.document.querySelectorAll(selector).length < count) return;
    observer.disconnect();
    page.requestAnimationFrame(() => {
      const channel = new page.MessageChannel();
      channel.port1.onmessage = () => {
        state.renderedAt = page.performance.now();
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(page.document, { childList: true, subtree: true });
}

/** The render time once `renderProbe` has seen the board painted, else false (for `waitForFunction`). */
export function renderedAt(): number | false {
  return (globalThis as unknown as PageGlobals).boardBench?.renderedAt ?? false;
}

/**
 * On the editing page: keeps the wall-clock time of every click as the capture phase
 * delivers it, before any of the page's own handlers run.
 */
export function installClickClock(): void {
  const page = globalThis as unknown as PageGlobals;
  const state: BenchState = page.boardBench ?? { renderedAt: null, clickAt: null, changeSeenAt: null };
  page.boardBench = state;
  page.addEventListener(
    'click',
    () => {
      state.clickAt = page.performance.timeOrigin + page.performance.now();
    },
    true,
  );
}

/** The last click's time, cleared for the next one. */
export function takeClickAt(): number | null {
  const state = (globalThis as unknown as PageGlobals).boardBench;
  const at = state?.clickAt ?? null;
  if (state) state.clickAt = null;
  return at;
}

/**
 * On the watching page, armed before the other side saves: a MutationObserver on the
 * board notices the card whose text was `before` now reading `after`; the time is
 * taken like the render's, in the task after the next animation frame, on the clock
 * both pages share (`timeOrigin + now()`).
 */
export function armChangeProbe({
  board,
  texts,
  before,
  after,
}: {
  board: string;
  texts: string;
  before: string;
  after: string;
}): void {
  const page = globalThis as unknown as PageGlobals;
  const state: BenchState = page.boardBench ?? { renderedAt: null, clickAt: null, changeSeenAt: null };
  page.boardBench = state;
  state.changeSeenAt = null;
  const find = (text: string) => Array.from(page.document.querySelectorAll(texts)).find((e) => e.textContent === text);
  // React keeps the card's element and rewrites its text: watching that one element
  // spares a scan of the whole board on every mutation.
  let watched = find(before) ?? null;
  const root = page.document.querySelector(board);
  if (!root) throw new Error(`no ${board} on the page`);
  const observer = new page.MutationObserver(() => {
    if (!watched?.isConnected) watched = find(after) ?? find(before) ?? null;
    if (watched?.textContent !== after) return;
    observer.disconnect();
    page.requestAnimationFrame(() => {
      const channel = new page.MessageChannel();
      channel.port1.onmessage = () => {
        state.changeSeenAt = page.performance.timeOrigin + page.performance.now();
      };
      channel.port2.postMessage(null);
    });
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
}

/** When the armed change was painted, else false (for `waitForFunction`). */
export function changeSeenAt(): number | false {
  return (globalThis as unknown as PageGlobals).boardBench?.changeSeenAt ?? false;
}

/**
 * A connection shared by every component that subscribes to it: opened on the first
 * subscription, closed a moment after the last one leaves. The delay lets React's
 * StrictMode unsubscribe-and-resubscribe (and quick remounts) keep one connection
 * instead of tearing it down and dialling again. Opening happens in `subscribe`, never
 * during render, so rendering stays free of side effects.
 */
export class SharedResource<T> {
  private value: T | null = null;
  private readonly listeners = new Set<() => void>();
  private closeTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly open: () => T,
    private readonly close: (value: T) => void,
    private readonly onClosed: () => void = () => {},
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.closeTimer !== null) {
      clearTimeout(this.closeTimer);
      this.closeTimer = null;
    }
    if (this.value === null) {
      this.value = this.open();
      for (const notify of [...this.listeners]) notify();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.closeTimer === null) {
        this.closeTimer = setTimeout(() => this.shutDown(), 1000);
      }
    };
  };

  readonly getSnapshot = (): T | null => this.value;

  private shutDown(): void {
    this.closeTimer = null;
    if (this.listeners.size > 0 || this.value === null) return;
    const value = this.value;
    this.value = null;
    this.close(value);
    this.onClosed();
  }
}

/**
 * One resource per key, forgotten once it closes. The key must capture everything
 * `open` depends on, since the first subscriber's `open` is the one that runs.
 */
export function keyedResources<T>(close: (value: T) => void) {
  const resources = new Map<string, SharedResource<T>>();
  return (key: string, open: () => T): SharedResource<T> => {
    let resource = resources.get(key);
    if (!resource) {
      resource = new SharedResource(open, close, () => resources.delete(key));
      resources.set(key, resource);
    }
    return resource;
  };
}

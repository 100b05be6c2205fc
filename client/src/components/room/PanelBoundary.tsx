import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';

interface Props {
  /** What failed, for the message: "The pulse check". */
  what: string;
  onRetry: () => void;
  children: ReactNode;
}

/**
 * Keeps one failed panel (typically a chunk that could not be fetched while the server
 * was away, or after a new version was deployed) from taking the whole room with it.
 */
export class PanelBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.what} failed`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="rail-panel panel-failed" role="alert">
        <p>{this.props.what} could not be shown. The rest of the room works as before.</p>
        <div className="form-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              this.setState({ error: null });
              this.props.onRetry();
            }}
          >
            Try again
          </button>
          <button type="button" className="button button-quiet" onClick={() => location.reload()}>
            Reload the page
          </button>
        </div>
      </div>
    );
  }
}

/**
 * A dynamic import that tries again a few times before failing: the chunk may be asked
 * for during a server restart, and the room should not have to be reloaded for it.
 */
export function retrying<T>(load: () => Promise<T>, delays = [1000, 3000, 9000]): () => Promise<T> {
  return async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await load();
      } catch (error) {
        const delay = delays[attempt];
        if (delay === undefined) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  };
}

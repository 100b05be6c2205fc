import type { ErrorInfo, ReactNode } from 'react';
import { Component } from 'react';

interface State {
  error: Error | null;
}

/** A last line of defence: a bug shows a calm message and a way back, not a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Parley view failed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="page">
        <main className="page-main">
          <h1>Something went wrong on this page</h1>
          <p>Nothing you saved is lost: the room keeps every accepted change. Reloading usually helps.</p>
          <p className="invalid-detail">{this.state.error.message}</p>
          <button type="button" className="button button-primary" onClick={() => location.reload()}>
            Reload
          </button>
        </main>
      </div>
    );
  }
}

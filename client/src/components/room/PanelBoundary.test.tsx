import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelBoundary, retrying } from './PanelBoundary';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function Broken(): never {
  throw new Error('Failed to fetch dynamically imported module');
}

describe('PanelBoundary', () => {
  it('keeps a failed panel to itself and offers to try again', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const onRetry = vi.fn();
    render(
      <>
        <p>The board</p>
        <PanelBoundary what="The pulse check" onRetry={onRetry}>
          <Broken />
        </PanelBoundary>
      </>,
    );
    expect(screen.getByText('The board')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/The pulse check could not be shown/);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('retries a failed import after a pause before giving up', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const load = retrying(async () => {
      calls++;
      if (calls < 3) throw new Error('offline');
      return 'chunk';
    }, [10, 20]);
    const result = load();
    await vi.advanceTimersByTimeAsync(30);
    await expect(result).resolves.toBe('chunk');

    const never = retrying(() => Promise.reject(new Error('gone')), [10]);
    const failed = expect(never()).rejects.toThrow('gone');
    await vi.advanceTimersByTimeAsync(10);
    await failed;
  });
});

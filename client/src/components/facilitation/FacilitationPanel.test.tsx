import { COLLECTIONS, FACILITATION_DEFAULTS, RECORDS, readRecord, validItems } from '@parley/shared';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RoomContext, useRoom } from '../../hooks/useRoom';
import { observeServerTime, resetServerClock } from '../../lib/serverClock';
import type { Session } from '../../lib/session';
import { testDocs, testSession } from '../room/testing';
import { FacilitationPanel } from './FacilitationPanel';
import { TimerChip } from './TimerChip';
import { formatCountdown, pauseTimer, setTimer, startTimer, viewTimer, writeTimer } from './facilitation';
import { useFacilitation } from './useFacilitation';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** The header chip and the panel, as the room page shows them. */
function Harness() {
  const { docs } = useRoom();
  const facilitation = useFacilitation(docs.facilitation);
  return (
    <>
      <TimerChip timer={facilitation.timer} />
      <FacilitationPanel facilitation={facilitation} />
    </>
  );
}

function renderPanel(session: Session) {
  const docs = testDocs(session);
  render(
    <RoomContext.Provider value={{ session, docs }}>
      <Harness />
    </RoomContext.Provider>,
  );
  return docs;
}

const state = (docs: ReturnType<typeof testDocs>) =>
  readRecord(docs.facilitation.doc, 'state', RECORDS.facilitation.state, FACILITATION_DEFAULTS);

describe('facilitation', () => {
  it('lets the mediator move the room through the phases, recording each move', () => {
    const docs = renderPanel(testSession('mediator'));
    fireEvent.click(screen.getByRole('button', { name: 'Next phase: Interests' }));
    fireEvent.click(screen.getByRole('button', { name: 'Agreement: move the room to this phase' }));
    expect(state(docs).phase).toBe('agreement');
    expect(
      validItems(docs.facilitation.doc, 'phaseHistory', COLLECTIONS.facilitation.phaseHistory).map((p) => p.phase),
    ).toEqual(['interests', 'agreement']);
    const current = screen.getByText('Agreement', { selector: '[aria-current="step"] *' });
    expect(current).toBeTruthy();
  });

  it('shows sides in a mediated room the phase and timer without controls', () => {
    const docs = renderPanel(testSession('side', 'a'));
    act(() => writeTimer(docs.facilitation.doc, setTimer('Interests phase', 5)));
    const panel = screen.getByRole('region', { name: 'Facilitation' });
    expect(within(panel).queryAllByRole('button')).toEqual([]);
    expect(within(panel).getByRole('timer').textContent).toBe('5:00');
    expect(within(panel).getByText('Run by the mediator.')).toBeTruthy();
  });

  it('lets both sides facilitate in a room without a mediator', () => {
    renderPanel(testSession('side', 'b', false));
    expect(screen.getByRole('button', { name: 'Next phase: Interests' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Set a timer' })).toBeTruthy();
  });

  it('counts down for everyone and says politely when time is up', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const docs = renderPanel(testSession('mediator'));
    fireEvent.click(screen.getByRole('button', { name: 'Set a timer' }));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Minutes' }), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set timer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    expect(state(docs).timer).toMatchObject({ durationMs: 120_000, startedAt: 1_000_000 });

    act(() => vi.advanceTimersByTime(30_000));
    expect(screen.getByRole('timer').textContent).toBe('1:30');
    const live = document.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toBe('');

    act(() => vi.advanceTimersByTime(90_000));
    expect(live.textContent).toBe('Time is up for Opening phase.');
    expect(screen.getByText('Time is up')).toBeTruthy();
  });
});

describe('a timer on a laptop whose clock is off', () => {
  afterEach(() => resetServerClock());

  it("counts down by the server's clock, as everyone else's does", () => {
    // This laptop's clock runs 2 minutes ahead; the greeting told it the server's time.
    vi.useFakeTimers({ now: 1_120_000 });
    observeServerTime(1_120_000, 1_120_000, 1_000_000);
    const docs = renderPanel(testSession('mediator'));
    fireEvent.click(screen.getByRole('button', { name: 'Set a timer' }));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Minutes' }), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set timer' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    // Started at the server's time, so other screens count from the same moment.
    expect(state(docs).timer).toMatchObject({ startedAt: 1_000_000 });
    act(() => vi.advanceTimersByTime(60_000));
    expect(screen.getByRole('timer').textContent).toBe('4:00');
  });
});

describe('timer arithmetic', () => {
  it('pauses at what is left and resumes from there', () => {
    const t = startTimer(setTimer('Topic', 10), 0);
    const paused = pauseTimer(t, 4 * 60_000);
    expect(paused).toMatchObject({ remainingMs: 6 * 60_000, startedAt: null });
    expect(viewTimer(startTimer(paused, 100_000_000), 100_000_000 + 6 * 60_000)).toEqual({
      remainingMs: 0,
      status: 'up',
    });
  });

  it('formats minutes and hours, rounding up the last second', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(3_725_000)).toBe('1:02:05');
  });
});

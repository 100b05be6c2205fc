import type { PulseState } from '@parley/shared';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PulseActions } from '../../hooks/usePulse';
import { FacilitatorControls } from './FacilitatorControls';

afterEach(cleanup);

const ok = () => Promise.resolve({ ok: true as const });
const actions: PulseActions = {
  start: ok,
  close: ok,
  schedule: ok,
  unschedule: ok,
  setMinAnswers: ok,
  answer: ok,
};
const state = (minAnswers: number): PulseState => ({ minAnswers, schedule: null, open: null, history: [] });

describe('the facilitator’s pulse controls', () => {
  it('warn before a pulse whose result would be withheld, since too few on the sides are here', () => {
    render(<FacilitatorControls state={state(3)} actions={actions} sidesPresent={2} />);
    expect(screen.getByText(/Only 2 on the sides are here, and a result needs 3 answers/)).toBeTruthy();
  });

  it('say nothing of it when enough people are here', () => {
    const { container } = render(<FacilitatorControls state={state(3)} actions={actions} sidesPresent={3} />);
    expect(container.querySelector('.pulse-warning')).toBeNull();
  });

  it('tell what a minimum of two gives away', () => {
    render(<FacilitatorControls state={state(3)} actions={actions} sidesPresent={4} />);
    expect(screen.queryByText(/work out the other’s answer/)).toBeNull();
    fireEvent.change(screen.getByLabelText('Minimum answers to show a result'), { target: { value: '2' } });
    expect(screen.getByText(/each of the two people can work out the other’s answer/)).toBeTruthy();
  });
});

import type { ReportData } from '@parley/shared';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportView } from './ReportView';

afterEach(cleanup);

const at = Date.UTC(2026, 10, 28, 19, 40);
const OPTION = 'Allocate 1 space per flat plus a shared visitor pool; fee €30/month';

const data: ReportData = {
  room: { roomId: 'r1', title: 'Parking spaces', sides: ['Tenants', 'Building owner'], mediated: true, createdAt: at },
  generatedAt: at,
  participants: [],
  phase: 'agreement',
  phaseHistory: [],
  agenda: [],
  sides: [],
  options: [
    {
      text: OPTION,
      scores: { a: 4, b: 3 },
      serves: [{ side: 'a', interest: 'Getting home safely at night' }],
      mutual: true,
    },
  ],
  criteria: [],
  agreements: [
    {
      text: 'Each flat gets one reserved space',
      status: 'accepted',
      createdAt: at,
      commitments: [
        {
          id: 'c1',
          agreementId: 'g1',
          what: 'Paint numbered bays and visitor markings',
          owner: 'b',
          due: '2026-03-01',
          verification: 'Photos of the painted lot',
          status: 'pending',
          createdAt: at,
        },
      ],
    },
  ],
  pulses: [{ closedAt: at, answers: 2, mean: 2.8, statements: [{ text: 'The process is fair', mean: 3 }] }],
};

describe('session report tables', () => {
  it('puts every table in its own labelled, keyboard-focusable scroll region', () => {
    const { container } = render(<ReportView data={data} pulses={[]} />);
    const tables = container.querySelectorAll('table.report-table');
    expect(tables.length).toBe(3);
    for (const table of tables) {
      const region = table.parentElement!;
      expect(region.classList.contains('report-table-scroll')).toBe(true);
      expect(region.getAttribute('role')).toBe('region');
      expect(region.getAttribute('tabindex')).toBe('0');
      expect(region.getAttribute('aria-label')).toBeTruthy();
    }

    const options = screen.getByRole('region', { name: 'Options table' });
    expect(within(options).getByText(OPTION)).toBeTruthy();
    const commitments = screen.getByRole('region', { name: 'Commitments for “Each flat gets one reserved space”' });
    expect(within(commitments).getByText('Paint numbered bays and visitor markings')).toBeTruthy();
    const pulses = screen.getByRole('region', { name: 'Released pulses table' });
    expect(within(pulses).getByRole('table', { name: 'Released pulses' })).toBeTruthy();
  });

  it('marks text columns so they keep a readable width on a narrow screen', () => {
    render(<ReportView data={data} pulses={[]} />);
    expect(screen.getByText(OPTION).classList.contains('text')).toBe(true);
    expect(screen.getByText('Paint numbered bays and visitor markings').classList.contains('text')).toBe(true);
    expect(screen.getByRole('columnheader', { name: 'Tenants score' }).classList.contains('narrow')).toBe(true);
  });
});

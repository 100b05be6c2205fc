import type { TimelineEntry } from '@parley/shared';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ControlSocket } from '../../hooks/useControl';
import { TIMELINE_PAGE } from '../../hooks/useTimeline';
import { TimelinePanel } from './TimelinePanel';

afterEach(cleanup);

const room = {
  roomId: 'room12345',
  title: 'Lease',
  sides: ['Tenant', 'Landlord'] as [string, string],
  mediated: true,
  createdAt: 1,
};

function entry(seq: number, summary: string, who: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    seq,
    at: new Date(2025, 4, 3, 10, 42).getTime(),
    doc: 'room12345/side/a',
    memberId: 'm1',
    name: 'Dana',
    role: 'side',
    side: 'a',
    summary,
    ...who,
  };
}

/** A control socket that answers `timeline:list` from a list and can push live entries. */
function fakeSocket(stored: TimelineEntry[]) {
  const handlers = new Map<string, Array<(...args: unknown[]) => void>>();
  const asked: unknown[] = [];
  const socket = {
    connected: true,
    on(event: string, fn: (...args: unknown[]) => void) {
      handlers.set(event, [...(handlers.get(event) ?? []), fn]);
    },
    off(event: string, fn: (...args: unknown[]) => void) {
      handlers.set(
        event,
        (handlers.get(event) ?? []).filter((f) => f !== fn),
      );
    },
    timeout() {
      return {
        emit(_event: string, payload: { beforeSeq?: number; limit: number }, cb: (err: null, ack: unknown) => void) {
          asked.push(payload);
          const newestFirst = [...stored].sort((x, y) => y.seq - x.seq);
          const page = newestFirst
            .filter((e) => payload.beforeSeq === undefined || e.seq < payload.beforeSeq)
            .slice(0, payload.limit);
          cb(null, { ok: true, entries: page });
        },
      };
    },
  };
  const push = (e: TimelineEntry) => act(() => handlers.get('timeline:entry')?.forEach((fn) => fn(e)));
  return { socket: socket as unknown as ControlSocket, push, asked };
}

describe('timeline', () => {
  it('lists who changed what and when, newest first, and adds live entries on top', async () => {
    const { socket, push } = fakeSocket([
      entry(1, 'added position “Rent stays at 1,200”'),
      entry(2, 'moved the room to the interests phase', {
        name: 'Morgan',
        role: 'mediator',
        side: undefined,
        memberId: 'm2',
      }),
      entry(3, 'added phase change', { name: 'Morgan', role: 'mediator', side: undefined, memberId: 'm2' }),
    ]);
    render(<TimelinePanel socket={socket} room={room} />);
    const list = await screen.findByRole('list');
    const items = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      expect.stringMatching(/10:42.*Morgan \(Mediator\) moved the room to the interests phase$/),
      expect.stringMatching(/10:42.*Dana \(Tenant\) added position “Rent stays at 1,200”$/),
    ]);

    push(entry(4, 'added interest “Stability”', { name: 'Lee', side: 'b', memberId: 'm3' }));
    expect(within(list).getAllByRole('listitem')[0]!.textContent).toMatch(
      /Lee \(Landlord\) added interest “Stability”$/,
    );
  });

  it('pages back through earlier entries', async () => {
    const stored = Array.from({ length: TIMELINE_PAGE + 5 }, (_, i) => entry(i + 1, `edited notice ${i + 1}`));
    const { socket, asked } = fakeSocket(stored);
    render(<TimelinePanel socket={socket} room={room} />);
    await screen.findByRole('list');
    expect(screen.getAllByRole('listitem')).toHaveLength(TIMELINE_PAGE);
    fireEvent.click(screen.getByRole('button', { name: 'Show earlier changes' }));
    expect(asked.at(-1)).toEqual({ beforeSeq: 6, limit: TIMELINE_PAGE });
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(TIMELINE_PAGE + 5));
    expect(screen.queryByRole('button', { name: 'Show earlier changes' })).toBeNull();
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log.js';
import { warmUpJoinPath } from './warmUp.js';

describe('the warm-up of the join path', () => {
  it('joins, edits and sees presence over real WebSockets, then leaves no directory behind', async () => {
    const { delivered, dataDir } = await warmUpJoinPath(createLogger('silent'));
    // Three rounds of a side document and the joint one: each edit reached the other tab.
    expect(delivered).toBe(6);
    expect(fs.existsSync(dataDir!)).toBe(false);
  });

  it('gives up after its timeout without failing the start, and cleans up all the same', async () => {
    const lines: Array<{ msg: string; err?: { message: string } }> = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const { delivered, dataDir } = await warmUpJoinPath(log, 1);
    expect(delivered).toBeLessThan(6);
    expect(lines.map((line) => line.msg)).toEqual([
      'the warm-up of the join path failed; the first joins will run cold',
    ]);
    expect(lines[0]?.err?.message).toBe('not done after 1 ms');
    expect(fs.existsSync(dataDir!)).toBe(false);
  });

  it('ends where it is when the process is stopping, says so without a warning, and cleans up', async () => {
    const lines: Array<{ level: number; msg: string }> = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 20);
    const { delivered, dataDir } = await warmUpJoinPath(log, 10_000, stop.signal);
    expect(delivered).toBeLessThan(6);
    expect(lines).toMatchObject([{ level: 30, msg: 'stopped the warm-up of the join path' }]);
    expect(fs.existsSync(dataDir!)).toBe(false);
    // Stopped before it began, it makes nothing at all.
    expect(await warmUpJoinPath(log, 10_000, stop.signal)).toMatchObject({ delivered: 0, dataDir: null });
  });

  it('leaves no timer of its own behind, however far it got before its timeout', async () => {
    // Timers that keep the process awake; checked from inside a timer's callback, when
    // that timer no longer counts.
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    // Whole, then cut off at moments spread over its steps (it takes ~50-150 ms here).
    for (const timeoutMs of [10_000, 1, 5, 10, 20, 30, 40, 60, 80, 120]) {
      await warmUpJoinPath(pino({ level: 'silent' }), timeoutMs);
      // The last tabs' sockets finish closing just after it resolves.
      for (let waited = 0; waited < 2_000 && timers() > before; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(timers(), `after a warm-up with a timeout of ${timeoutMs} ms`).toBeLessThanOrEqual(before);
    }
  });

  it('does not stop the start when it cannot even make its temporary directory', async () => {
    const lines: Array<{ msg: string; err?: { code?: string } }> = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = path.join(os.tmpdir(), 'parley-no-such-directory', 'below');
    try {
      expect(await warmUpJoinPath(log)).toMatchObject({ delivered: 0, dataDir: null });
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
    expect(lines.map((line) => [line.msg, line.err?.code])).toEqual([
      ['the warm-up of the join path failed; the first joins will run cold', 'ENOENT'],
    ]);
  });
});

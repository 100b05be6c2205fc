import fs from 'node:fs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger } from './log.js';
import { warmUpJoinPath } from './warmUp.js';

describe('the warm-up of the join path', () => {
  it('joins, edits and sees presence over real WebSockets, then leaves no directory behind', async () => {
    const { delivered, dataDir } = await warmUpJoinPath(createLogger('silent'));
    // Three rounds of a side document and the joint one: each edit reached the other tab.
    expect(delivered).toBe(6);
    expect(fs.existsSync(dataDir)).toBe(false);
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
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});

/**
 * `BENCH_TRACE_DIR=<dir>`: a record for looking into a latency tail. For every edit
 * shape the load generator writes `<dir>/<server>-<rooms>-rooms.txt`, times in ms after
 * the edits began ('go'): a line `d <sent> <latency ms> <room>` per delivery, `r <time>`
 * per presence renewal of a client, and `w <start> <end>` for the measuring window. The
 * first line, `g <epoch ms>`, is when the edits began by the wall clock, to match the
 * trace against a server's own timestamped logs. Off (and free) unless the variable is set.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BenchClient } from './clients.js';
import { onOwnRenewal } from './renewals.js';

export class DeliveryTrace {
  private readonly lines: string[] = [];
  private go = 0;

  static fromEnvironment(): DeliveryTrace | null {
    return process.env.BENCH_TRACE_DIR ? new DeliveryTrace(process.env.BENCH_TRACE_DIR) : null;
  }

  private constructor(private readonly dir: string) {}

  private at(time: number): string {
    return (time - this.go).toFixed(2);
  }

  started(now: number): void {
    this.go = now;
  }

  delivery(sentAt: number, latency: number, room: number): void {
    this.lines.push(`d ${this.at(sentAt)} ${latency.toFixed(2)} ${room}`);
  }

  watchRenewals(client: BenchClient): void {
    onOwnRenewal(client, () => this.lines.push(`r ${this.at(performance.now())}`));
  }

  window(start: number, end: number): void {
    this.lines.push(`w ${this.at(start)} ${this.at(end)}`);
  }

  write(server: string, rooms: number): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const go = `g ${(performance.timeOrigin + this.go).toFixed(1)}`;
    fs.writeFileSync(path.join(this.dir, `${server}-${rooms}-rooms.txt`), `${[go, ...this.lines].join('\n')}\n`);
  }
}

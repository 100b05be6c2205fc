import { existsSync } from 'node:fs';
import { SERVER_MAIN, launchChromium, withTimeout } from '@parley/devkit';
import type { Browser } from 'playwright-core';
import { joinThroughInvite, newDevice, screenshot } from './browser.js';
import { BOARD_SIZES, CLIENT_INDEX, RUN_TIMEOUT_MS, STEP_TIMEOUT_MS } from './config.js';
import { measureRemoteChange } from './remoteChange.js';
import { measureRender } from './render.js';
import { describeMachine, machineLine, markdownTable, writeResults, type SizeResult } from './report.js';
import { createRoom, seedSideA } from './seed.js';
import { startParley, type ParleyServer } from './server.js';

/**
 * `node bench/dist/board/run.js [--sizes=30,300]`: the client in headless Chromium
 * against a real server, with side A's board at each size: how long the board takes to
 * render, and how long an edit on one person's screen takes to reach another's.
 */

const log = (line: string) => process.stdout.write(`bench:board: ${line}\n`);

function sizesFromArgs(): number[] {
  const arg = process.argv.find((a) => a.startsWith('--sizes='));
  if (!arg) return [...BOARD_SIZES];
  const sizes = arg.slice('--sizes='.length).split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 2)) throw new Error(`bad ${arg}: whole numbers of at least 2`);
  return sizes;
}

async function measureSize(browser: Browser, server: ParleyServer, count: number): Promise<SizeResult> {
  const room = await createRoom(server);
  await seedSideA(server, room, count);
  log(`${count} items: seeded side A's board of room ${room.roomId}`);

  // Side A's member joins once through the invite link; the render loads then open the
  // room on fresh devices holding only that stored session.
  const first = await newDevice(browser);
  const session = await joinThroughInvite(first.page, room.invites.a.url, 'Alice').finally(() => first.context.close());
  const render = await measureRender(browser, session, count);
  log(`${count} items: render measured (cold ${fmt(render.cold)}; reload ${fmt(render.reload)})`);

  const author = await newDevice(browser);
  const watcher = await newDevice(browser);
  try {
    await joinThroughInvite(author.page, room.invites.a.url, 'Alex');
    await joinThroughInvite(watcher.page, room.invites.b.url, 'Bob');
    const saveToPaintMs = await measureRemoteChange(author.page, watcher.page, count);
    log(`${count} items: ${saveToPaintMs.length} saves timed`);
    return { items: count, renderColdMs: render.cold, renderReloadMs: render.reload, saveToPaintMs };
  } catch (error) {
    await screenshot(author.page, `${count}-author`);
    await screenshot(watcher.page, `${count}-watcher`);
    throw error;
  } finally {
    await author.context.close();
    await watcher.context.close();
  }
}

const fmt = (samples: number[]) => samples.map((s) => s.toFixed(0)).join(', ');

async function main(): Promise<void> {
  for (const built of [SERVER_MAIN, CLIENT_INDEX]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build first`);
  }
  const sizes = sizesFromArgs();
  const started = performance.now();
  let server: ParleyServer | null = null;
  let browser: Browser | null = null;

  // The deadline: whatever hangs, the server and the browser do not outlive the run.
  const deadline = setTimeout(() => {
    log(`gave up after ${RUN_TIMEOUT_MS / 1000} s`);
    server?.kill();
    // Playwright kills the browsers it launched when this process exits.
    process.exit(2);
  }, RUN_TIMEOUT_MS);

  try {
    server = await startParley();
    browser = await launchChromium({ timeoutMs: STEP_TIMEOUT_MS });
    const machine = describeMachine(`Chromium ${browser.version()}`);
    log(machineLine(machine));
    const results: SizeResult[] = [];
    for (const count of sizes) results.push(await measureSize(browser, server, count));
    const seconds = Math.round((performance.now() - started) / 1000);
    process.stdout.write(`\n${markdownTable(results)}\n\n`);
    for (const file of writeResults(machine, results, seconds)) log(`wrote ${file}`);
    log(`done in ${seconds} s`);
  } finally {
    await withTimeout(browser?.close() ?? Promise.resolve(), 10_000, 'Chromium to close').catch(() => undefined);
    await server?.stop();
    clearTimeout(deadline);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:board: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

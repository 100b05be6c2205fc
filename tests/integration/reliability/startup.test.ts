import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  SERVER_MAIN,
  api,
  installCleanup,
  runUntilRefused,
  setupRoom,
  startServer,
  withTimeout,
} from '../../helpers/index.js';
import { expectRoomWorks } from './support.js';

/**
 * What an operator gets when a server cannot start: one line that names what to fix,
 * exit code 2, and the server already running left alone.
 */

installCleanup();

describe('starting a server', () => {
  it('refuses a second server on a data directory in use, until the first has stopped, however it stopped', async () => {
    const server = await startServer();
    const room = await setupRoom(server, { mediated: false });

    const second = await runUntilRefused(server.dataDir, {});
    expect(second.code, second.output).toBe(2);
    expect(second.output).toContain('another Parley server is using the data directory');
    expect(second.output).toContain(server.dataDir);
    expect(second.output).not.toContain('"msg":"listening"');
    await expectRoomWorks(server, room);

    // Stopped gracefully, or killed: either way the directory is free again.
    await server.restart();
    await expectRoomWorks(server, room);
    await server.kill9();
    // Nothing of the lock's is left behind but the lock file itself.
    expect(existsSync(path.join(server.dataDir, 'parley.lock-journal'))).toBe(false);
    await server.restart();
    await expectRoomWorks(server, room);
  });

  it('runs the join path through a room of its own before listening, and keeps none of it', async () => {
    const server = await startServer();
    const messages = server.logs.map((line) => JSON.parse(line) as { msg: string; delivered?: number });
    const warmUp = messages.findIndex((m) => m.msg === 'ran the join path before listening');
    expect(warmUp, server.logs.join('\n')).toBeGreaterThanOrEqual(0);
    expect(messages[warmUp]?.delivered).toBe(6);
    expect(warmUp).toBeLessThan(messages.findIndex((m) => m.msg === 'listening'));
    const room = await setupRoom(server, { mediated: false });
    await expectRoomWorks(server, room);
    await server.stop();
    // The people's database holds their room and nothing of the warm-up's.
    const db = new Database(path.join(server.dataDir, 'parley.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT room_id FROM rooms').all()).toEqual([{ room_id: room.roomId }]);
      expect(db.prepare("SELECT COUNT(*) AS n FROM doc_log WHERE doc NOT LIKE ? || '/%'").get(room.roomId)).toEqual({
        n: 0,
      });
    } finally {
      db.close();
    }
  });

  it('shuts down cleanly when stopped during the warm-up, and leaves nothing of it behind', async () => {
    // A temporary directory of the server's own, to see the warm-up's appear and go.
    const base = mkdtempSync(path.join(tmpdir(), 'parley-stop-'));
    const serverTmp = path.join(base, 'tmp');
    const serverData = path.join(base, 'data');
    try {
      mkdirSync(serverTmp);
      const proc = spawn(process.execPath, [SERVER_MAIN], {
        env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: serverData, TMPDIR: serverTmp },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      proc.stdout.on('data', (d: Buffer) => (output += d.toString()));
      proc.stderr.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        proc.once('exit', (code, signal) => resolve([code, signal])),
      );
      // SIGTERM the moment the warm-up has made its directory: it is then ~100 ms from done.
      const watcher = watch(serverTmp, (_, name) => {
        if (name?.startsWith('parley-warm-up-')) proc.kill('SIGTERM');
      });
      try {
        expect(await withTimeout(exited, 10_000, 'the server to exit'), output).toEqual([0, null]);
      } finally {
        watcher.close();
      }
      const messages = output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => (JSON.parse(line) as { msg: string }).msg);
      expect(messages, output).toEqual(['shutting down', 'stopped the warm-up of the join path', 'stopped']);
      expect(readdirSync(serverTmp)).toEqual([]);
      // The data directory was let go: a server starts on it and serves.
      const server = await startServer({ dataDir: serverData });
      expect((await api(server, 'GET', '/healthz')).status).toBe(200);
      await server.stop();
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('names the address when the port is taken', async () => {
    const server = await startServer();
    // A directory of its own (inside the first's, so it goes with it), and the first's port.
    const refused = await runUntilRefused(path.join(server.dataDir, 'second'), { PORT: String(server.port) });
    expect(refused.code, refused.output).toBe(2);
    expect(refused.output).toContain(`parley: 127.0.0.1:${server.port} is already in use; choose another PORT`);
    expect(refused.output).not.toContain('    at ');
    expect((await api(server, 'GET', '/healthz')).status).toBe(200);
  });

  it('names the data directory when it cannot be one', async () => {
    const server = await startServer();
    const file = path.join(server.dataDir, 'not-a-directory');
    writeFileSync(file, 'a file');
    const refused = await runUntilRefused(path.join(file, 'data'), {});
    expect(refused.code, refused.output).toBe(2);
    expect(refused.output).toContain(`parley: cannot use the data directory ${path.join(file, 'data')} (ENOTDIR`);
    expect(refused.output).not.toContain('    at ');
  });

  it('says a database file is damaged rather than crashing on it', async () => {
    const server = await startServer();
    await server.stop();
    writeFileSync(
      path.join(server.dataDir, 'parley.sqlite'),
      'not a database, but long enough to be read as one '.repeat(100),
    );
    const refused = await runUntilRefused(server.dataDir, {});
    expect(refused.code, refused.output).toBe(2);
    expect(refused.output).toContain(`parley: a database file in ${server.dataDir} is damaged`);
  });
});

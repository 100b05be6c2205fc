import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addItem, newId, positionSchema } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import {
  connectControl,
  emitAck,
  installCleanup,
  runToExit,
  setupRoom,
  startServer,
  syncedDoc,
  waitFor,
} from '../helpers/index.js';

/**
 * `npm run backup -- <folder>` copies a running server's databases; the copy, as a data
 * directory of its own, is the same negotiation: its rooms, their boards, the links
 * people already hold, and the pulse-check settings.
 */

installCleanup();

const BACKUP_MAIN = path.resolve(import.meta.dirname, '../../server/dist/backup.js');

function backUp(dataDir: string, folder: string) {
  return runToExit(BACKUP_MAIN, [folder], { DATA_DIR: dataDir }, 'the backup to finish');
}

describe('backup', () => {
  it('copies a running server, and the copy serves the same room to the same links', async () => {
    const server = await startServer();
    const room = await setupRoom(server, { mediated: false });
    const side = room.doc({ kind: 'side', side: 'a' });
    const alice = await syncedDoc(server, side, room.token('a'));
    const { id } = addItem(alice.doc, 'positions', positionSchema, {
      id: newId(),
      text: 'Keep the hedge',
      because: 'it shelters the garden',
      createdAt: Date.now(),
    });
    const bob = await syncedDoc(server, side, room.token('b'));
    await waitFor(() => bob.doc.getMap('positions').has(id), 'the position to reach side B');
    const control = await connectControl(server, room.token('a'));
    expect((await emitAck(control, 'pulse:settings', { minAnswers: 4 })).ok).toBe(true);

    const folder = path.join(server.dataDir, 'backup');
    const { code, output } = await backUp(server.dataDir, folder);
    expect(code, output).toBe(0);
    expect(output).toContain(`parley: backed up to ${path.join(folder, 'parley.sqlite')}`);
    expect(readdirSync(folder).sort()).toEqual(['parley.sqlite', 'pulses.sqlite']);

    // The server went on serving while it was copied.
    const later = addItem(alice.doc, 'positions', positionSchema, {
      id: newId(),
      text: 'After the backup',
      because: '',
      createdAt: Date.now(),
    });
    await waitFor(() => bob.doc.getMap('positions').has(later.id), 'a later position to reach side B');

    const restored = await startServer({ dataDir: folder });
    const bobAgain = await syncedDoc(restored, side, room.token('b'));
    expect(bobAgain.doc.getMap('positions').has(id)).toBe(true);
    expect(bobAgain.doc.getMap('positions').has(later.id)).toBe(false);
    const ack = await emitAck(await connectControl(restored, room.token('a')), 'pulse:get', {});
    expect(ack.ok && ack.state.minAnswers).toBe(4);
  });

  it('refuses to overwrite an earlier backup, and to copy from a folder with no server data', async () => {
    const server = await startServer();
    const folder = path.join(server.dataDir, 'backup');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'parley.sqlite'), 'an earlier backup');
    const over = await backUp(server.dataDir, folder);
    expect(over.code).toBe(2);
    expect(over.output).toContain('already exists; back up into a new or empty folder');
    expect(readdirSync(folder)).toEqual(['parley.sqlite']);

    const nowhere = await backUp(path.join(server.dataDir, 'nothing-here'), path.join(server.dataDir, 'b2'));
    expect(nowhere.code).toBe(2);
    expect(nowhere.output).toContain("does not exist; is DATA_DIR the server's?");
    expect(existsSync(path.join(server.dataDir, 'b2'))).toBe(false);
  });
});

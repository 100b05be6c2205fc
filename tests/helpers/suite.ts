import { beforeAll } from 'vitest';
import { setupRoom, type RoomFixture } from './api.js';
import { installCleanup } from './cleanup.js';
import { startServer, type TestServer } from './server.js';

export interface RoomSuite {
  server: () => TestServer;
  room: () => RoomFixture;
}

/**
 * The cleanup hooks, one real server and one room with a member per seat, shared by
 * every test of the file and ready before its first. Call it once, at the top of the file.
 */
export function useServerWithRoom(options: { mediated: boolean }): RoomSuite {
  installCleanup();
  let server: TestServer | null = null;
  let room: RoomFixture | null = null;
  beforeAll(async () => {
    server = await startServer();
    room = await setupRoom(server, options);
  });
  const ready = <T>(value: T | null): T => {
    if (value === null) throw new Error('not set up yet (useServerWithRoom() must be called at the top of the file)');
    return value;
  };
  return { server: () => ready(server), room: () => ready(room) };
}

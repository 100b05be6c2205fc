import { beforeAll } from 'vitest';
import { setupRoom, type RoomFixture } from './api.js';
import { installCleanup } from './cleanup.js';
import { startServer, type StartOptions, type TestServer } from './server.js';

/** A value made in a `beforeAll`: there once the file's first test runs. */
function readyBefore<T>(value: () => T | null, what: string): () => T {
  return () => {
    const current = value();
    if (current === null) throw new Error(`${what} is not set up yet (call its use…() at the top of the file)`);
    return current;
  };
}

/**
 * The cleanup hooks and one real server shared by every test of the file, started before
 * its first. Call it once, at the top of the file.
 */
export function useServer(options: StartOptions = {}): () => TestServer {
  installCleanup();
  let server: TestServer | null = null;
  beforeAll(async () => {
    server = await startServer(options);
  });
  return readyBefore(() => server, 'the server');
}

export interface RoomSuite {
  server: () => TestServer;
  room: () => RoomFixture;
}

/** As `useServer`, with one room that has a member per seat. */
export function useServerWithRoom(options: { mediated: boolean }): RoomSuite {
  const server = useServer();
  let room: RoomFixture | null = null;
  beforeAll(async () => {
    room = await setupRoom(server(), options);
  });
  return { server, room: readyBefore(() => room, 'the room') };
}

import net from 'node:net';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import {
  docUrl,
  RawDocClient,
  setupRoom,
  useServer,
  waitFor,
  withTimeout,
  type TestServer,
} from '../../helpers/index.js';
import { awarenessFrame, expectServerStillServes, JOINT } from './support.js';

/**
 * WebSocket upgrades the server does not take: whatever arrives as an upgrade request
 * (a path nobody serves, a URL that does not parse, a client that resets the connection
 * mid-handshake, a WebSocket that breaks the protocol), it is answered or dropped, the
 * socket is not left open, and the process keeps serving everyone else.
 */

/** A raw upgrade request for `target`, the request line's path as sent. */
function rawUpgrade(server: TestServer, target: string, headers: Record<string, string> = {}): net.Socket {
  const socket = net.connect(server.port, '127.0.0.1');
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.write(
    `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${extra}` +
      'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  );
  socket.on('error', () => undefined);
  return socket;
}

/** The status line the server answered with, once it has closed the socket. */
async function answerAndClose(server: TestServer, target: string): Promise<string> {
  const socket = rawUpgrade(server, target);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  await withTimeout(new Promise((resolve) => socket.on('close', resolve)), 5_000, `the server to close ${target}`);
  return received.split('\r\n')[0]!;
}

describe('upgrades nobody serves', () => {
  const server = useServer();

  it('answers an upgrade to an unknown path with 404 and closes it', async () => {
    expect(await answerAndClose(server(), '/nothing-here')).toBe('HTTP/1.1 404 Not Found');
    expect(await answerAndClose(server(), '/yjsx/room')).toBe('HTTP/1.1 404 Not Found');
  });

  it('answers an upgrade in absolute form, even one whose URL does not parse, with 404 instead of crashing', async () => {
    expect(await answerAndClose(server(), 'http://[/yjs/x')).toBe('HTTP/1.1 404 Not Found');
    expect(await answerAndClose(server(), `http://127.0.0.1:${server().port}/yjs/x`)).toBe('HTTP/1.1 404 Not Found');
    await expectServerStillServes(server());
  });

  it('survives clients that reset the connection during or after any upgrade', async () => {
    const room = await setupRoom(server(), { mediated: false });
    const target = (token: string) => {
      const url = new URL(docUrl(server(), room.doc(JOINT), token));
      return url.pathname + url.search;
    };
    const requests: Array<[string, Record<string, string>]> = [
      ['/nothing-here', {}],
      [target(room.token('a')), { Origin: 'http://evil.example' }],
      [target('not-a-token'), {}],
      [target(room.token('a')), {}],
      ['/socket.io/?EIO=4&transport=websocket', {}],
      ['/socket.io/?EIO=4&transport=websocket', { Origin: 'http://evil.example' }],
    ];
    for (const [target, headers] of requests) {
      for (const waitMs of [0, 30]) {
        const socket = rawUpgrade(server(), target, headers);
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        socket.resetAndDestroy();
      }
    }
    await expectServerStillServes(server());
  });

  it('survives a WebSocket that breaks the protocol after it was refused or admitted', async () => {
    const room = await setupRoom(server(), { mediated: false });
    const url = (token: string) => new URL(docUrl(server(), room.doc(JOINT), token));
    for (const [what, target] of [
      ['refused', url('not-a-token')],
      ['admitted', url(room.token('a'))],
    ] as const) {
      const socket = rawUpgrade(server(), target.pathname + target.search);
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
      await waitFor(() => received.includes('\r\n\r\n'), `the ${what} upgrade's answer`);
      expect(received.split('\r\n')[0], what).toBe('HTTP/1.1 101 Switching Protocols');
      // A client's frames must be masked: this one is a protocol error on the server's side.
      socket.write(Buffer.from([0x82, 0x01, 0x00]));
      await withTimeout(new Promise((resolve) => socket.on('close', resolve)), 5_000, `the ${what} socket to close`);
    }
    await expectServerStillServes(server());
  });
});

/** The first bytes the server sends after an upgrade request, as one read of the socket. */
async function firstRead(server: TestServer, target: URL): Promise<{ head: string; frames: Frame[] }> {
  const socket = rawUpgrade(server, target.pathname + target.search);
  const chunk = await withTimeout(
    new Promise<Buffer>((resolve) => socket.once('data', resolve)),
    5_000,
    'the answer to the upgrade',
  );
  socket.destroy();
  const end = chunk.indexOf('\r\n\r\n');
  return { head: chunk.subarray(0, end).toString('latin1'), frames: serverFrames(chunk.subarray(end + 4)) };
}

interface Frame {
  opcode: number;
  payload: Buffer;
}

/** Unmasked WebSocket frames, as a server sends them; a frame cut off at the end is left out. */
function serverFrames(data: Buffer): Frame[] {
  const frames: Frame[] = [];
  let at = 0;
  while (at + 2 <= data.length) {
    let length = data[at + 1]! & 0x7f;
    let start = at + 2;
    if (length === 126) {
      length = data.readUInt16BE(at + 2);
      start += 2;
    }
    if (start + length > data.length) break;
    frames.push({ opcode: data[at]! & 0x0f, payload: data.subarray(start, start + length) });
    at = start + length;
  }
  return frames;
}

describe('upgrades the server takes', () => {
  const server = useServer();

  it("sends a newcomer the 101 response, the opening sync step 1 and the room's presence in one write", async () => {
    const room = await setupRoom(server(), { mediated: false });
    const url = (token: string) => new URL(docUrl(server(), room.doc(JOINT), token));
    const present = await RawDocClient.open(url(room.token('b')).href);
    present.send(awarenessFrame([{ clientId: 77, clock: 1, state: { editing: null } }]));
    await present.roundTrip();

    // One write arrives on loopback as one read: everything below came in the first one.
    const { head, frames } = await firstRead(server(), url(room.token('a')));
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 101 Switching Protocols');
    expect(frames.map((f) => f.opcode)).toEqual([2, 2]);
    const [step1, presence] = frames.map((f) => decoding.createDecoder(f.payload));
    expect([decoding.readVarUint(step1!), decoding.readVarUint(step1!)]).toEqual([0, 0]);
    expect(decoding.readVarUint(presence!)).toBe(1);
    present.terminate();
  });

  it('sends a refused newcomer the 101 response and the close frame with its code in one write', async () => {
    const room = await setupRoom(server(), { mediated: false });
    const { head, frames } = await firstRead(server(), new URL(docUrl(server(), room.doc(JOINT), 'not-a-token')));
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 101 Switching Protocols');
    expect(frames.map((f) => f.opcode)).toEqual([8]);
    expect(frames[0]!.payload.readUInt16BE(0)).toBe(4401);
  });
});

import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { frameOnce } from './wireFrame.js';

/** Frames written straight to the socket must read, at a real ws client, as the messages sent. */
describe('frameOnce', () => {
  const server = http.createServer();
  const wss = new WebSocketServer({ noServer: true });
  let serverSocket: Socket;
  let client: WebSocket;

  beforeAll(async () => {
    server.on('upgrade', (req, socket, head) =>
      wss.handleUpgrade(req, socket, head, () => {
        serverSocket = socket as Socket;
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await new Promise((resolve) => client.once('open', resolve));
  });
  afterAll(async () => {
    client.terminate();
    wss.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([0, 1, 125, 126, 65_535, 65_536, 200_000])('delivers a %i-byte message intact', async (size) => {
    const message = Uint8Array.from({ length: size }, (_, i) => (i * 31 + size) % 256);
    const received = new Promise<{ data: Buffer; isBinary: boolean }>((resolve) =>
      client.once('message', (data, isBinary) => resolve({ data: data as Buffer, isBinary })),
    );
    serverSocket.write(frameOnce(message).wire);
    const { data, isBinary } = await received;
    expect(isBinary).toBe(true);
    expect(Buffer.compare(data, Buffer.from(message))).toBe(0);
  });
});

import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { ServerKind } from './types.js';

/** One simulated person: a Y.Doc synced through a real provider of the server under test. */
export interface BenchClient {
  readonly doc: Y.Doc;
  /** The provider's presence, which renews the client's own state every 15 s. */
  readonly awareness: Awareness;
  /** Resolves with the milliseconds from creation to the first completed sync. */
  readonly synced: Promise<number>;
  /** Resolves with the milliseconds from creation to the WebSocket's open (the handshake's end). */
  readonly opened: Promise<number>;
  /** Connection losses seen after the first sync (each one is a reconnect). */
  disconnects: number;
  /** Close codes the server sent, for the report when something went wrong. */
  readonly closeCodes: number[];
  destroy(): void;
}

/** Where a client connects: the document name and, for Parley, the invite token. */
export interface Target {
  docName: string;
  token?: string;
}

export function connectClient(server: ServerKind, base: string, target: Target): BenchClient {
  const ws = base.replace(/^http/, 'ws');
  return server === 'hocuspocus' ? hocuspocusClient(ws, target) : yWebsocketClient(server, ws, target);
}

/** The stock y-websocket provider: a client of the reference server and of Parley alike. */
function yWebsocketClient(server: ServerKind, ws: string, target: Target): BenchClient {
  const started = performance.now();
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server === 'parley' ? `${ws}/yjs` : ws, target.docName, doc, {
    params: target.token ? { token: target.token } : {},
    // Without this, providers in one process would sync through BroadcastChannel and
    // bypass the server.
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const client: BenchClient = {
    doc,
    awareness: provider.awareness,
    disconnects: 0,
    closeCodes: [],
    opened: new Promise((resolve) => {
      const onStatus = ({ status }: { status: string }) => {
        if (status !== 'connected') return;
        provider.off('status', onStatus);
        resolve(performance.now() - started);
      };
      provider.on('status', onStatus);
    }),
    synced: new Promise((resolve) => {
      const onSync = (isSynced: boolean) => {
        if (!isSynced) return;
        provider.off('sync', onSync);
        resolve(performance.now() - started);
      };
      provider.on('sync', onSync);
    }),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  let wasSynced = false;
  void client.synced.then(() => (wasSynced = true));
  provider.on('connection-close', (event) => {
    if (event?.code !== undefined && event.code !== 1000) client.closeCodes.push(event.code);
    if (wasSynced && provider.shouldConnect) client.disconnects += 1;
  });
  return client;
}

/** Hocuspocus's own provider, one socket per client as separate browsers would have. */
function hocuspocusClient(ws: string, target: Target): BenchClient {
  const started = performance.now();
  const doc = new Y.Doc();
  let resolveOpened: (ms: number) => void = () => {};
  const opened = new Promise<number>((resolve) => (resolveOpened = resolve));
  const socket = new HocuspocusProviderWebsocket({
    url: ws,
    WebSocketPolyfill: WebSocket,
    onOpen: () => resolveOpened(performance.now() - started),
  });
  let resolveSynced: (ms: number) => void = () => {};
  const synced = new Promise<number>((resolve) => (resolveSynced = resolve));
  let wasSynced = false;
  let destroyed = false;
  const client: BenchClient = {
    doc,
    get awareness() {
      return provider.awareness!;
    },
    disconnects: 0,
    closeCodes: [],
    synced,
    opened,
    destroy() {
      destroyed = true;
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: target.docName,
    document: doc,
    onSynced: ({ state }) => {
      if (!state || wasSynced) return;
      wasSynced = true;
      resolveSynced(performance.now() - started);
    },
    onClose: ({ event }) => {
      if (event.code !== 1000) client.closeCodes.push(event.code);
      if (wasSynced && !destroyed) client.disconnects += 1;
    },
  });
  provider.attach();
  return client;
}

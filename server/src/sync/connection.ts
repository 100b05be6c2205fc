import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, ErrorCode, canWrite } from '@parley/shared';
import type { Config } from '../config.js';
import { ParleyError } from '../errors.js';
import type { Logger } from '../log.js';
import { memberView, type Identity } from '../rooms/identity.js';
import { AwarenessStamper } from './awarenessIdentity.js';
import type { DocRegistry } from './docRegistry.js';
import {
  MalformedMessage,
  decodeMessage,
  encodeAwarenessStates,
  isEmptyUpdate,
  type InboundMessage,
} from './protocol.js';
import { TokenBucket } from './rateLimit.js';
import type { Peer, SharedDoc } from './sharedDoc.js';
import { assertDecodable } from './updateCheck.js';
import type { WireFrame } from './wireFrame.js';

type Limits = Pick<Config, 'MAX_FRAME_BYTES' | 'MAX_MESSAGES_PER_SECOND' | 'MAX_DOC_BYTES'>;

/**
 * What a connection may ask of the whole document (sync step 1, answered with the
 * document encoded against the asker's state vector): a request costs one unit and one
 * more per 64 KB of document, from a budget of 600 that refills at 20 a second. A
 * client asks once per connection (a new one starts with a full budget); asking a 3 MB
 * document again and again runs out after ~12 requests, a 16 MB one after 2, and then
 * costs one encoding every few seconds.
 */
const SYNC_BUDGET = { perSecond: 20, burst: 600, bytesPerUnit: 64 * 1024 };

export interface ConnectionEvents {
  /** A message was refused without closing (e.g. a write to a read-only doc). */
  rejected(reason: string): void;
}

/**
 * One `/yjs` WebSocket bound to one document. Every frame goes through the same path:
 * size cap, decode, rate limit (presence echoes from their own budget), then the handler
 * for its type. A bad frame closes this connection with a documented code and never
 * throws out of the handler.
 */
export class Connection implements Peer {
  private readonly stamper: AwarenessStamper;
  private readonly bucket: TokenBucket;
  /** Echoes of others' presence cost this connection nothing of its own budget, but are still bounded. */
  private readonly echoBucket: TokenBucket;
  private readonly syncBudget = new TokenBucket(SYNC_BUDGET.perSecond, SYNC_BUDGET.burst);
  /**
   * Bytes the socket may hold unsent before the peer counts as not reading: room for the
   * whole document twice over (a newcomer's first sync) and a margin. Past it, what is
   * queued for a peer that never reads would only grow the server's memory.
   */
  private readonly maxUnsent: number;
  private readonly writable: boolean;
  private doc: SharedDoc | null = null;
  private closed = false;
  private toldForbiddenWrite = false;
  private alive = true;

  constructor(
    private readonly ws: WebSocket,
    /** The upgraded socket under `ws`, for frames already framed by frameOnce. */
    private readonly socket: Duplex,
    readonly identity: Identity,
    private readonly registry: DocRegistry,
    private readonly limits: Limits,
    private readonly log: Logger,
    private readonly events: ConnectionEvents,
    scope: SharedDoc['scope'],
  ) {
    this.bucket = new TokenBucket(limits.MAX_MESSAGES_PER_SECOND, limits.MAX_MESSAGES_PER_SECOND * 2);
    this.echoBucket = new TokenBucket(limits.MAX_MESSAGES_PER_SECOND * 10, limits.MAX_MESSAGES_PER_SECOND * 20);
    this.writable = canWrite(identity.principal, scope, identity.room);
    this.maxUnsent = limits.MAX_DOC_BYTES * 2 + 1024 * 1024;
    this.stamper = new AwarenessStamper(memberView(identity));
  }

  /** Binds to the (fully loaded) document and sends the opening sync step 1 and awareness states. */
  open(doc: SharedDoc): void {
    this.doc = doc;
    this.ws.on('message', (data, isBinary) => this.onFrame(data as Buffer, isBinary));
    this.ws.on('close', () => this.onClose());
    this.ws.on('pong', () => {
      this.alive = true;
    });
    this.send(doc.syncStep1());
    const states = [...doc.awareness.getStates().keys()];
    if (states.length > 0) this.send(encodeAwarenessStates(doc.awareness, states));
  }

  /** Keepalive: called periodically; a peer that did not answer the last ping is dropped. */
  heartbeat(): void {
    if (!this.alive) {
      this.ws.terminate();
      return;
    }
    this.alive = false;
    this.ws.ping();
  }

  get awarenessIds(): ReadonlySet<number> {
    return this.stamper.owned;
  }

  private get sendable(): boolean {
    return !this.closed && this.ws.readyState === this.ws.OPEN;
  }

  send(frame: Uint8Array): void {
    if (!this.sendable || this.notReading()) return;
    // No completion callback: a failed write errors the socket, which closes it and
    // detaches this peer through onClose; a callback per frame would also cost one
    // nextTick per frame, where frames without one share the stream's single tick.
    this.ws.send(frame, { binary: true });
  }

  sendFramed(frames: readonly WireFrame[]): void {
    if (!this.sendable || this.notReading()) return;
    // ws writes its own frames to this same socket, in call order, and holds none back
    // while permessage-deflate is off (the endpoint turns it off), so a frame written
    // here can neither overtake nor split one of ws's.
    this.socket.write(frames.length === 1 ? frames[0]!.wire : Buffer.concat(frames.map((frame) => frame.wire)));
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    if (this.doc) this.registry.detach(this.doc, this);
    this.ws.close(code, reason);
  }

  /**
   * Drops a peer whose socket holds more than `maxUnsent` bytes it has not read, at once
   * (a close frame would only queue behind them): a reader that stopped reading, or one
   * that asks for more than it takes.
   */
  private notReading(): boolean {
    if (this.socket.writableLength <= this.maxUnsent) return false;
    this.events.rejected('not_reading');
    this.log.info({ doc: this.doc?.name, unsent: this.socket.writableLength }, 'dropped a peer that does not read');
    this.onClose();
    this.ws.terminate();
    return true;
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.doc) this.registry.detach(this.doc, this);
  }

  private onFrame(data: Buffer, isBinary: boolean): void {
    if (this.closed || !this.doc) return;
    const doc = this.doc;
    try {
      if (data.length > this.limits.MAX_FRAME_BYTES) {
        this.events.rejected('too_large');
        return this.close(CloseCode.TooLarge, 'frame too large');
      }
      if (!isBinary) throw new MalformedMessage('text frames are not part of the protocol');
      const message = decodeMessage(new Uint8Array(data.buffer, data.byteOffset, data.length));
      const awareness = message.type === 'awareness' ? this.stamp(doc, message.update) : null;
      if (!(awareness?.echoOnly ? this.echoBucket : this.bucket).take()) {
        this.events.rejected('rate_limited');
        return this.close(CloseCode.TooManyMessages, 'too many messages');
      }
      if (awareness) {
        if (awareness.update) awarenessProtocol.applyAwarenessUpdate(doc.awareness, awareness.update, this);
        return;
      }
      this.handle(doc, message);
    } catch (error) {
      if (error instanceof MalformedMessage) {
        this.events.rejected('malformed');
        this.close(CloseCode.BadMessage, error.message.slice(0, 120));
      } else if (error instanceof ParleyError && error.code === ErrorCode.TooLarge) {
        this.events.rejected('too_large');
        this.close(CloseCode.TooLarge, error.message.slice(0, 120));
      } else if (error instanceof ParleyError && error.code === ErrorCode.StorageUnavailable) {
        this.close(CloseCode.StorageUnavailable, error.message.slice(0, 120));
      } else {
        this.log.error({ err: error, doc: doc.name }, 'unexpected error handling a frame');
        this.close(CloseCode.InternalError, 'internal error');
      }
    } finally {
      this.registry.flushIfOverdue();
    }
  }

  private stamp(doc: SharedDoc, update: Uint8Array) {
    return this.stamper.stamp(
      update,
      (id) => this.ownedElsewhere(doc, id),
      (id) => doc.awareness.meta.get(id)?.clock,
    );
  }

  private handle(doc: SharedDoc, message: InboundMessage): void {
    switch (message.type) {
      case 'syncStep1':
        if (!this.syncBudget.take(Date.now(), 1 + Math.floor(doc.bytes / SYNC_BUDGET.bytesPerUnit))) {
          this.events.rejected('rate_limited');
          return this.close(CloseCode.TooManyMessages, 'too many sync requests');
        }
        // Nothing is revealed before it is committed.
        this.registry.flush();
        this.send(doc.syncStep2(message.stateVector));
        return;
      case 'update': {
        if (isEmptyUpdate(message.update)) return;
        if (!this.writable) {
          this.events.rejected('forbidden_write');
          // Once per connection: the metric counts them all, and a line per refused
          // message would let one client write the log as fast as it may send.
          if (!this.toldForbiddenWrite) {
            this.toldForbiddenWrite = true;
            this.log.info(
              { doc: doc.name, role: this.identity.principal.role },
              'dropped a write to a read-only document (further ones on this connection are only counted)',
            );
          }
          return;
        }
        assertDecodable(message.update);
        this.registry.accept(doc, this, message.update, message.step2 ? undefined : message.frame);
        return;
      }
      case 'awareness':
        // Stamped and applied in onFrame, where its rate is decided.
        return;
      case 'queryAwareness':
        this.send(encodeAwarenessStates(doc.awareness, [...doc.awareness.getStates().keys()]));
        return;
      case 'auth':
        return;
      default: {
        const unreachable: never = message;
        throw new MalformedMessage(`unhandled message ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private ownedElsewhere(doc: SharedDoc, clientId: number): boolean {
    for (const peer of doc.peers) if (peer !== this && peer.awarenessIds.has(clientId)) return true;
    return false;
  }
}

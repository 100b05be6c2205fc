import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** y-websocket's outer message types. */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;

export const SyncStep = {
  Step1: syncProtocol.messageYjsSyncStep1,
  Step2: syncProtocol.messageYjsSyncStep2,
  Update: syncProtocol.messageYjsUpdate,
} as const;

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Sync);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Sync);
  syncProtocol.writeSyncStep2(e, doc, stateVector);
  return encoding.toUint8Array(e);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.Awareness);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function encodeAwarenessStates(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
}

/** A decoded inbound frame. Decoding never touches a document, so a bad frame changes nothing. */
export type InboundMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | {
      type: 'update';
      update: Uint8Array;
      step2: boolean;
      /** The whole inbound message: for a sync update (not a step 2), exactly what peers are sent. */
      frame: Uint8Array;
    }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' }
  | { type: 'auth' };

export class MalformedMessage extends Error {}

/** Parses one frame; throws MalformedMessage for anything that is not a complete, known message. */
export function decodeMessage(frame: Uint8Array): InboundMessage {
  try {
    const d = decoding.createDecoder(frame);
    const type = decoding.readVarUint(d);
    let message: InboundMessage;
    switch (type) {
      case MessageType.Sync: {
        const step = decoding.readVarUint(d);
        const payload = decoding.readVarUint8Array(d);
        if (step === SyncStep.Step1) {
          Y.decodeStateVector(payload);
          message = { type: 'syncStep1', stateVector: payload };
        } else if (step === SyncStep.Step2 || step === SyncStep.Update) {
          message = { type: 'update', update: payload, step2: step === SyncStep.Step2, frame };
        } else {
          throw new MalformedMessage(`unknown sync step ${step}`);
        }
        break;
      }
      case MessageType.Awareness:
        message = { type: 'awareness', update: decoding.readVarUint8Array(d) };
        break;
      case MessageType.QueryAwareness:
        message = { type: 'queryAwareness' };
        break;
      case MessageType.Auth: {
        // y-protocols/auth: only "permission denied" (0) with a reason exists.
        const kind = decoding.readVarUint(d);
        if (kind !== 0) throw new MalformedMessage(`unknown auth message ${kind}`);
        decoding.readVarString(d);
        message = { type: 'auth' };
        break;
      }
      default:
        throw new MalformedMessage(`unknown message type ${type}`);
    }
    if (decoding.hasContent(d)) throw new MalformedMessage('trailing bytes after message');
    return message;
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage(`undecodable frame: ${(error as Error).message}`);
  }
}

/**
 * Whether an update is the canonical empty one (no structs, no deletions). The stock
 * provider answers every sync step 1 with a step 2, which is this when it has nothing
 * new; read-only connections send those too and must not be treated as writes. Checked
 * on the bytes, without decoding: anything else is checked by `assertDecodable` (updateCheck.ts).
 */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

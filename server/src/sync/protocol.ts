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
 * on the bytes, without decoding: anything else is decoded once, by Yjs, when applied.
 */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

/**
 * Decodes an update completely without applying it, so that bytes Yjs cannot read are
 * refused before they touch a document: a half-applied update would force the document
 * to be reloaded from storage and everyone connected to it to resync.
 */
export function assertDecodable(update: Uint8Array): void {
  let structs: Array<Y.Item | Y.GC | Y.Skip>;
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch (error) {
    throw new MalformedMessage(`undecodable update: ${(error as Error).message}`);
  }
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (!MODEL_CONTENT.some((kind) => struct.content instanceof kind)) {
      throw new MalformedMessage(`content the room's documents never hold (${struct.content.constructor.name})`);
    }
    if (
      struct.content instanceof Y.ContentAny &&
      struct.content.arr.some((value) => nestsDeeperThan(value, MAX_VALUE_DEPTH))
    ) {
      throw new MalformedMessage(`a value nested deeper than ${MAX_VALUE_DEPTH} levels`);
    }
  }
}

/**
 * What Parley's documents are made of: maps of maps (types), plain values, deletions,
 * and text and bytes (harmless to store). Rich-text formats and embeds, the JSON content
 * of old Yjs versions and subdocuments are never written by its clients, and JSON
 * content can be read back but not written out when deeply nested (JSON.stringify
 * recurses), which would leave a document nobody can load.
 */
const MODEL_CONTENT = [Y.ContentAny, Y.ContentType, Y.ContentDeleted, Y.ContentString, Y.ContentBinary];

/** Plain values in the model are at most a list of ids deep; encoding them back recurses. */
const MAX_VALUE_DEPTH = 16;

/** Whether a plain value nests arrays or objects deeper than `limit`, walked without recursion. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object' || current instanceof Uint8Array) continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

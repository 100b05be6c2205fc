import { isUtf8 } from 'node:buffer';
import * as decoding from 'lib0/decoding';
import { MalformedMessage } from './protocol.js';

/** Plain values in the model are at most a list of ids deep; encoding them back recurses. */
export const MAX_VALUE_DEPTH = 16;

/**
 * Refuses an update before it touches a document unless Yjs can read all of it and it
 * holds only what Parley's documents are made of. A half-applied update would force the
 * document to be reloaded from storage and everyone connected to it to resync.
 *
 * It walks the update's bytes the way Yjs's decoder (`Y.decodeUpdate`, format v1) reads
 * them, and builds nothing: the decoder makes an object for every struct, id and piece
 * of content, and every edit is decoded again anyway when it is applied. It reads what
 * Yjs reads in the same order with the same rules, so an update Yjs cannot read fails
 * here too (a unit test compares the two on real and on damaged updates):
 * - numbers are lib0's variable-length integers;
 * - every string must be valid UTF-8 (lib0 decodes them with a fatal `TextDecoder`);
 * - a length that runs past the end is refused, wherever the bytes came from.
 *
 * What the room's documents are made of: maps of maps (types), plain values, deletions,
 * and text and bytes (harmless to store). Rich-text formats and embeds, the JSON content
 * of old Yjs versions and subdocuments are never written by Parley's clients; JSON
 * content can be read back but not written out when deeply nested (JSON.stringify
 * recurses), which would leave a document nobody can load. Plain values may nest at most
 * MAX_VALUE_DEPTH arrays or objects deep, counting every value, also one under a
 * `__proto__` key that a decoded object would hide from a walk of its own properties.
 */
export function assertDecodable(update: Uint8Array): void {
  try {
    walkUpdate(decoding.createDecoder(update));
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage(`undecodable update: ${(error as Error).message}`);
  }
}

/** Yjs's content kinds by the low five bits of a struct's info byte (`contentRefs`). */
const Content = {
  Deleted: 1,
  Json: 2,
  Binary: 3,
  String: 4,
  Embed: 5,
  Format: 6,
  Type: 7,
  Any: 8,
  Doc: 9,
} as const;

const REFUSED_CONTENT: Record<number, string> = {
  [Content.Json]: 'ContentJSON',
  [Content.Embed]: 'ContentEmbed',
  [Content.Format]: 'ContentFormat',
  [Content.Doc]: 'ContentDoc',
};

/** A struct whose info byte is exactly this is a Skip; any other with these low bits is unreadable. */
const SKIP = 10;
/** Yjs's shared types by `typeRefs` index; XmlElement and XmlHook carry a name. */
const TYPE_REFS = 7;
const XML_ELEMENT = 3;
const XML_HOOK = 5;

function walkUpdate(d: decoding.Decoder): void {
  const groups = decoding.readVarUint(d);
  for (let g = 0; g < groups; g++) {
    const structs = decoding.readVarUint(d);
    decoding.readVarUint(d); // client
    decoding.readVarUint(d); // first clock
    for (let s = 0; s < structs; s++) {
      // Past the end this is undefined, as in Yjs, and the length read next fails.
      const info = decoding.readUint8(d);
      if (info === SKIP || (info & 0b11111) === 0) {
        decoding.readVarUint(d); // a Skip's or a GC's length
        continue;
      }
      if (info & 0b1000_0000) skipId(d); // origin
      if (info & 0b0100_0000) skipId(d); // right origin
      if ((info & 0b1100_0000) === 0) {
        if (decoding.readVarUint(d) === 1)
          skipString(d); // parent: a root type's name
        else skipId(d); // parent: an item's id
        if (info & 0b0010_0000) skipString(d); // key in a map
      }
      walkContent(d, info & 0b11111);
    }
  }
  // The delete set: per client, ranges of clock and length.
  const clients = decoding.readVarUint(d);
  for (let c = 0; c < clients; c++) {
    decoding.readVarUint(d); // client
    const ranges = decoding.readVarUint(d);
    for (let r = 0; r < ranges; r++) {
      decoding.readVarUint(d);
      decoding.readVarUint(d);
    }
  }
}

function walkContent(d: decoding.Decoder, kind: number): void {
  switch (kind) {
    case Content.Deleted:
      decoding.readVarUint(d);
      return;
    case Content.Binary:
      skipBytes(d, decoding.readVarUint(d));
      return;
    case Content.String:
      skipString(d);
      return;
    case Content.Type: {
      const typeRef = decoding.readVarUint(d);
      if (typeRef >= TYPE_REFS) throw new Error(`unknown type ${typeRef}`);
      if (typeRef === XML_ELEMENT || typeRef === XML_HOOK) skipString(d);
      return;
    }
    case Content.Any: {
      const values = decoding.readVarUint(d);
      for (let i = 0; i < values; i++) skipAny(d);
      return;
    }
    default: {
      const refused = REFUSED_CONTENT[kind];
      if (refused) throw new MalformedMessage(`content the room's documents never hold (${refused})`);
      throw new Error(`unknown content ${kind}`);
    }
  }
}

/**
 * One lib0 `any` value (lib0's `readAny`), walked with a stack instead of recursion. The
 * stack holds the arrays and objects still open, innermost last: how many values each
 * still holds, and whether each value comes after a key (an object's entries).
 */
function skipAny(d: decoding.Decoder): void {
  const left: number[] = [];
  const keyed: boolean[] = [];
  for (;;) {
    const tag = decoding.readUint8(d);
    switch (tag) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        break;
      case 125:
        decoding.readVarInt(d);
        break;
      case 124: // float32
        skipBytes(d, 4);
        break;
      case 123: // float64
      case 122: // bigint64
        skipBytes(d, 8);
        break;
      case 119:
        skipString(d);
        break;
      case 116: // bytes
        skipBytes(d, decoding.readVarUint(d));
        break;
      case 118: // object
      case 117: // array
        // This one is as deep as the containers around it, plus one.
        if (left.length + 1 > MAX_VALUE_DEPTH) {
          throw new MalformedMessage(`a value nested deeper than ${MAX_VALUE_DEPTH} levels`);
        }
        left.push(decoding.readVarUint(d));
        keyed.push(tag === 118);
        break;
      default:
        throw new Error(`unknown value type ${tag}`);
    }
    // On to the next value: close the containers that hold no more.
    for (;;) {
      const top = left.length - 1;
      if (top < 0) return;
      if (left[top] === 0) {
        left.pop();
        keyed.pop();
        continue;
      }
      left[top] = left[top]! - 1;
      if (keyed[top]) skipString(d);
      break;
    }
  }
}

function skipId(d: decoding.Decoder): void {
  decoding.readVarUint(d); // client
  decoding.readVarUint(d); // clock
}

function skipString(d: decoding.Decoder): void {
  const length = decoding.readVarUint(d);
  const start = d.pos;
  skipBytes(d, length);
  if (!isAscii(d.arr, start, d.pos) && !isUtf8(d.arr.subarray(start, d.pos))) {
    throw new Error('a string that is not UTF-8');
  }
}

/**
 * Most strings in an edit are short ASCII names (a map's, a key); looking at their bytes
 * here costs less than a view and a call into Node's UTF-8 validator.
 */
function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start > 64) return false;
  for (let i = start; i < end; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

function skipBytes(d: decoding.Decoder, length: number): void {
  if (d.pos + length > d.arr.length) throw new Error('Unexpected end of array');
  d.pos += length;
}

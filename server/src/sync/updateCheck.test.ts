import * as encoding from 'lib0/encoding';
import { randomBytes, seededRandom } from '@parley/devkit';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MalformedMessage } from './protocol.js';
import { MAX_VALUE_DEPTH, assertDecodable } from './updateCheck.js';

/**
 * The check walks an update's bytes instead of decoding it; what it must agree with is
 * Yjs's own decoder. This oracle is that: `Y.decodeUpdate`, then the same rules on the
 * decoded structs (the content kinds Parley's documents hold, values nested at most
 * MAX_VALUE_DEPTH deep).
 */
const MODEL_CONTENT = [Y.ContentAny, Y.ContentType, Y.ContentDeleted, Y.ContentString, Y.ContentBinary];

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

function oracleAccepts(update: Uint8Array): boolean {
  let structs: Array<Y.Item | Y.GC | Y.Skip>;
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return false;
  }
  return structs.every(
    (s) =>
      !(s instanceof Y.Item) ||
      (MODEL_CONTENT.some((kind) => s.content instanceof kind) &&
        !(s.content instanceof Y.ContentAny && s.content.arr.some((v) => nestsDeeperThan(v, MAX_VALUE_DEPTH)))),
  );
}

function walkerAccepts(update: Uint8Array): boolean {
  try {
    assertDecodable(update);
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedMessage);
    return false;
  }
}

function expectAgreement(update: Uint8Array, label: string): boolean {
  const verdict = oracleAccepts(update);
  expect(walkerAccepts(update), `${label}: [${Array.from(update)}]`).toBe(verdict);
  return verdict;
}

/** Updates of every kind a Yjs client can write, Parley's own and others. */
function sampleUpdates(): Array<[string, Uint8Array]> {
  const samples: Array<[string, Uint8Array]> = [];
  const doc = new Y.Doc();
  doc.on('update', (u: Uint8Array) => samples.push([`edit ${samples.length}`, u]));
  const items = doc.getMap<Y.Map<unknown>>('positions');
  const item = new Y.Map<unknown>();
  items.set('p1', item);
  item.set('title', 'Parking spaces for every tenant');
  item.set('because', 'Ünïcødé — 駐車場 🚗 and an empty string next:');
  item.set('empty', '');
  item.set('count', 42);
  item.set('negative', -7_000_000_000);
  item.set('ratio', 0.1);
  item.set('small', 1.5);
  item.set('big', 2n ** 40n);
  item.set('flags', [true, false, null, undefined]);
  item.set('nested', { a: [1, { b: 'c' }], d: {} });
  item.set('bytes', new Uint8Array([0, 255, 7]));
  item.set('title', 'Parking spaces, revised');
  item.delete('small');
  const list = doc.getArray<unknown>('agenda');
  list.insert(0, ['one', 2, { three: 3 }]);
  list.delete(1, 1);
  const text = doc.getText('notes');
  text.insert(0, 'hello world');
  text.delete(2, 3);
  text.format(0, 2, { bold: true }); // formats: never written by Parley
  text.insertEmbed(1, { image: 'x' }); // embeds: never written by Parley
  const xml = doc.getXmlFragment('xml');
  xml.insert(0, [new Y.XmlElement('p'), new Y.XmlText('t')]);
  doc.getMap('subdocs').set('d', new Y.Doc()); // subdocuments: never written by Parley
  samples.push(['whole document', Y.encodeStateAsUpdate(doc)]);
  const deep = (depth: number): unknown => (depth === 1 ? [] : [deep(depth - 1)]);
  const other = new Y.Doc();
  other.getMap('m').set('at the limit', deep(MAX_VALUE_DEPTH));
  samples.push(['nested to the limit', Y.encodeStateAsUpdate(other)]);
  other.getMap('m').set('past the limit', { k: deep(MAX_VALUE_DEPTH) });
  samples.push(['nested past the limit', Y.encodeStateAsUpdate(other)]);
  samples.push(['empty', Y.encodeStateAsUpdate(new Y.Doc())]);
  return samples;
}

function damage(update: Uint8Array, random: () => number): Uint8Array {
  const at = Math.floor(random() * update.length);
  const byte = Math.floor(random() * 256);
  switch (Math.floor(random() * 4)) {
    case 0: // one byte changed
      return Uint8Array.from(update, (b, i) => (i === at ? byte : b));
    case 1: // cut short
      return update.slice(0, at);
    case 2: // a byte inserted
      return Uint8Array.from([...update.slice(0, at), byte, ...update.slice(at)]);
    default: // a byte removed
      return Uint8Array.from([...update.slice(0, at), ...update.slice(at + 1)]);
  }
}

/** One item in root map "m" under key "k", its content written by `content`, in format v1. */
function craftItem(contentRef: number, content: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client's structs
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, 1); // client
  encoding.writeVarUint(e, 0); // clock
  encoding.writeUint8(e, contentRef | 0b0010_0000); // no origins, a key in a map
  encoding.writeVarUint(e, 1); // parent is a root type…
  encoding.writeVarString(e, 'm'); // …named "m"
  encoding.writeVarString(e, 'k');
  content(e);
  encoding.writeVarUint(e, 0); // no deletions
  return encoding.toUint8Array(e);
}

describe('checking an update before it is applied', () => {
  it("accepts every update of Parley's kinds of content and refuses the kinds its documents never hold, as Yjs decodes them", () => {
    const verdicts = new Map(sampleUpdates().map(([label, update]) => [label, expectAgreement(update, label)]));
    expect(verdicts.get('edit 0')).toBe(true);
    expect(verdicts.get('nested to the limit')).toBe(true);
    expect(verdicts.get('nested past the limit')).toBe(false);
    expect(verdicts.get('whole document')).toBe(false); // it holds a format, an embed and a subdocument
    expect(verdicts.get('empty')).toBe(true);
    expect([...verdicts.values()].filter(Boolean).length).toBeGreaterThan(20);
  });

  it('agrees with Yjs on 20,000 damaged updates: bytes changed, cut, inserted and removed', () => {
    const random = seededRandom(0x5eed);
    const samples = sampleUpdates();
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const [label, update] = samples[i % samples.length]!;
      let damaged = damage(update, random);
      if (random() < 0.3) damaged = damage(damaged, random);
      if (expectAgreement(damaged, `${label}, damaged (${i})`)) accepted += 1;
    }
    // Both outcomes occur: damage that still decodes, and damage that does not.
    expect(accepted).toBeGreaterThan(1000);
    expect(accepted).toBeLessThan(19_000);
  });

  it('agrees with Yjs on random bytes', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 5_000; i++) {
      const bytes = randomBytes(random, Math.floor(random() * 24));
      expectAgreement(bytes, `random ${i}`);
    }
  });

  it('refuses strings that are not UTF-8, wherever they are', () => {
    const invalid = new Uint8Array([0xc3, 0x28]);
    const string = craftItem(4, (e) => encoding.writeVarUint8Array(e, invalid));
    const key = craftItem(8, (e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeUint8(e, 118); // an object with one entry…
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, invalid); // …whose key is not UTF-8
      encoding.writeUint8(e, 126);
    });
    const valid = craftItem(4, (e) => encoding.writeVarString(e, 'fine'));
    expect(expectAgreement(valid, 'valid string')).toBe(true);
    expect(expectAgreement(string, 'string content')).toBe(false);
    expect(expectAgreement(key, 'object key')).toBe(false);
  });

  it('refuses a length that runs past the update even when more bytes follow in the same buffer', () => {
    const update = craftItem(3, (e) => encoding.writeVarUint8Array(e, new Uint8Array(8)));
    const inLargerBuffer = new Uint8Array(update.length + 64);
    inLargerBuffer.set(update);
    const cut = inLargerBuffer.subarray(0, update.length - 4);
    expect(expectAgreement(cut, 'cut inside a larger buffer')).toBe(false);
  });

  it('refuses JSON content, unknown content and unknown types with a reason', () => {
    const json = craftItem(2, (e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, '{"a":1}');
    });
    expect(expectAgreement(json, 'JSON content')).toBe(false);
    expect(() => assertDecodable(json)).toThrow(/never hold \(ContentJSON\)/);
    expect(
      expectAgreement(
        craftItem(12, () => {}),
        'content kind 12',
      ),
    ).toBe(false);
    expect(
      expectAgreement(
        craftItem(7, (e) => encoding.writeVarUint(e, 9)),
        'type 9',
      ),
    ).toBe(false);
    expect(
      expectAgreement(
        craftItem(7, (e) => encoding.writeVarUint(e, 1)),
        'a map',
      ),
    ).toBe(true);
  });

  it('counts a value under a __proto__ key, which a decoded object hides, towards the depth', () => {
    // Walking the decoded object misses it (so the oracle accepts it), yet lib0 writes
    // inherited properties back out, so the document would hold it.
    const deep = craftItem(8, (e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeUint8(e, 118);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, '__proto__');
      for (let i = 0; i < MAX_VALUE_DEPTH; i++) {
        encoding.writeUint8(e, 117);
        encoding.writeVarUint(e, 1);
      }
      encoding.writeUint8(e, 126);
    });
    expect(oracleAccepts(deep)).toBe(true);
    expect(() => assertDecodable(deep)).toThrow(/nested deeper/);
  });
});

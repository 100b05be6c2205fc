import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { MalformedMessage, decodeMessage, encodeSyncStep1, encodeUpdate, isEmptyUpdate } from './protocol.js';

function frame(...parts: Array<['uint', number] | ['bytes', Uint8Array]>): Uint8Array {
  const e = encoding.createEncoder();
  for (const [kind, value] of parts) {
    if (kind === 'uint') encoding.writeVarUint(e, value);
    else encoding.writeVarUint8Array(e, value);
  }
  return encoding.toUint8Array(e);
}

describe('decoding inbound frames', () => {
  it('recognises the messages the stock provider sends', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('k', 1);
    expect(decodeMessage(encodeSyncStep1(doc)).type).toBe('syncStep1');
    const update = decodeMessage(encodeUpdate(Y.encodeStateAsUpdate(doc)));
    expect(update).toMatchObject({ type: 'update', step2: false });
    expect(decodeMessage(frame(['uint', 3])).type).toBe('queryAwareness');
  });

  it('rejects unknown types, unknown sync steps, truncation and trailing bytes', () => {
    const bad = [
      new Uint8Array([]),
      frame(['uint', 9]),
      frame(['uint', 0], ['uint', 7], ['bytes', new Uint8Array([0])]),
      new Uint8Array([0, 2, 200, 1]),
      new Uint8Array([...frame(['uint', 3]), 1, 2, 3]),
      frame(['uint', 0], ['uint', 0], ['bytes', new Uint8Array([255, 255, 255])]),
    ];
    for (const f of bad) expect(() => decodeMessage(f), `frame ${Array.from(f)}`).toThrow(MalformedMessage);
  });

  it('tells the empty update the stock provider sends from one that carries a change', () => {
    const doc = new Y.Doc();
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc))).toBe(true);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)))).toBe(true);
    doc.getMap('m').set('k', 1);
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(doc))).toBe(false);
    expect(isEmptyUpdate(new Uint8Array([1, 2, 3, 4, 5]))).toBe(false);
  });
});

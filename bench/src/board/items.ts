import {
  addItem,
  CONSTRAINT_KINDS,
  CORE_CONCERNS,
  constraintSchema,
  INTEREST_KINDS,
  interestSchema,
  newId,
  positionSchema,
} from '@parley/shared';
import type * as Y from 'yjs';

/** The text of the position the remote-change measurement edits: the board's first item. */
export const TARGET_TEXT = 'Rent stays at 1,200 a month';

/**
 * Fills a side document with `count` valid items, as a busy side's board would hold:
 * half positions (each with a because), three tenths interests (each explaining one or
 * two of those positions), the rest constraints. Written through the shared model
 * helpers, which validate every item, in one transaction so the server receives one
 * update rather than `count` (the per-connection message limit stays out of the way).
 */
export function writeBoard(doc: Y.Doc, count: number): void {
  const positions = Math.round(count * 0.5);
  const interests = Math.round(count * 0.3);
  const constraints = count - positions - interests;
  // Fixed, increasing creation times: the board lists items by them, so the target
  // position comes first on every run.
  let createdAt = Date.UTC(2025, 0, 1);
  const positionIds: string[] = [];
  doc.transact(() => {
    for (let i = 0; i < positions; i++) {
      const position = addItem(doc, 'positions', positionSchema, {
        id: newId(),
        text: i === 0 ? TARGET_TEXT : `Position ${i + 1}: the lease names a repair deadline of ${i + 2} days`,
        because: `Reason ${i + 1}: repairs left open for weeks cost us a tenant's goodwill and the rent with it`,
        createdAt: createdAt++,
      });
      positionIds.push(position.id);
    }
    for (let i = 0; i < interests; i++) {
      const explains = [positionIds[i % positionIds.length]!, positionIds[(i * 7 + 3) % positionIds.length]!];
      addItem(doc, 'interests', interestSchema, {
        id: newId(),
        text: `Interest ${i + 1}: knowing what the next ${i + 1} months will cost`,
        kind: INTEREST_KINDS[i % INTEREST_KINDS.length]!,
        concern: CORE_CONCERNS[i % CORE_CONCERNS.length]!,
        importance: (i % 5) + 1,
        positionIds: [...new Set(explains)],
        createdAt: createdAt++,
      });
    }
    for (let i = 0; i < constraints; i++) {
      addItem(doc, 'constraints', constraintSchema, {
        id: newId(),
        text: `Constraint ${i + 1}: no more than ${i + 1} hundred a month above the current rent`,
        modality: i % 2 === 0 ? 'cannot' : 'can',
        kind: CONSTRAINT_KINDS[i % CONSTRAINT_KINDS.length]!,
        createdAt: createdAt++,
      });
    }
  });
}

/** How many items the board of a side document holds, in the collections `writeBoard` fills. */
export function countBoard(doc: Y.Doc): number {
  return ['positions', 'interests', 'constraints'].reduce((n, name) => n + doc.getMap(name).size, 0);
}

import type { Shape } from './types.js';

/** The load shapes of the full run. */
export const FULL_SHAPES: Shape[] = [
  { kind: 'edit', name: '100 rooms × 4 @ 1/s', rooms: 100, clientsPerRoom: 4, rate: 1 },
  { kind: 'edit', name: '50 rooms × 4 @ 10/s', rooms: 50, clientsPerRoom: 4, rate: 10 },
  { kind: 'edit', name: '1 room × 50 @ 0.5/s', rooms: 1, clientsPerRoom: 50, rate: 0.5 },
  { kind: 'edit', name: '500 rooms × 2 @ 0.2/s', rooms: 500, clientsPerRoom: 2, rate: 0.2 },
  { kind: 'coldJoin', name: 'cold join 150 × 10k updates', priorUpdates: 10_000, joiners: 150 },
];

/** A smoke run: every shape and code path, a fraction of the load. */
export const QUICK_SHAPES: Shape[] = [
  { kind: 'edit', name: '20 rooms × 4 @ 1/s', rooms: 20, clientsPerRoom: 4, rate: 1 },
  { kind: 'edit', name: '10 rooms × 4 @ 10/s', rooms: 10, clientsPerRoom: 4, rate: 10 },
  { kind: 'edit', name: '1 room × 20 @ 0.5/s', rooms: 1, clientsPerRoom: 20, rate: 0.5 },
  { kind: 'edit', name: '100 rooms × 2 @ 0.2/s', rooms: 100, clientsPerRoom: 2, rate: 0.2 },
  { kind: 'coldJoin', name: 'cold join 30 × 1k updates', priorUpdates: 1_000, joiners: 30 },
];

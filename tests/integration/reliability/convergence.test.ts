import {
  addItem,
  AGENDA_STATUSES,
  agendaTopicSchema,
  newId,
  optionSchema,
  positionSchema,
  updateItem,
  type DocScope,
} from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  installCleanup,
  join,
  seededRandom,
  setupRoom,
  startServer,
  trackClient,
  waitFor,
  type TestServer,
} from '../../helpers/index.js';
import { JOINT, SIDE_A, viewDoc } from './support.js';

/**
 * Convergence in the style of Yjs's own tests: several clients with the stock provider
 * make seeded random edits to the joint doc and side A's doc, drop and resume their
 * connections at random, keep editing while the server restarts; in the end every
 * client holds the same documents, and so does a fresh client after another restart.
 * The seed is printed on failure; rerun with PARLEY_CONVERGENCE_SEED=<seed>.
 */

installCleanup();

const SEED = Number(process.env.PARLEY_CONVERGENCE_SEED ?? 0xc0ffee);
const STEPS = 400;
const COLLECTIONS = ['options', 'agenda', 'positions'] as const;

type Kind = 'joint' | 'side';
const SCOPE: Record<Kind, DocScope> = { joint: JOINT, side: SIDE_A };

interface Person {
  label: string;
  token: string;
  /** Side A's members write its doc; everyone else only reads it. */
  writesSide: boolean;
  docs: Record<Kind, Y.Doc>;
  providers: Partial<Record<Kind, WebsocketProvider>>;
  online: boolean;
}

function connect(server: TestServer, roomDoc: (scope: DocScope) => string, person: Person): void {
  for (const kind of ['joint', 'side'] as const) {
    person.providers[kind] = new WebsocketProvider(server.wsUrl, roomDoc(SCOPE[kind]), person.docs[kind], {
      params: { token: person.token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      connect: person.online,
      maxBackoffTime: 200,
    });
  }
}

/** Drops a person's providers (the server moved or the test ends) but keeps their documents. */
function dropProviders(person: Person): void {
  for (const provider of Object.values(person.providers)) {
    provider.destroy();
    provider.awareness.destroy();
  }
  person.providers = {};
}

function setOnline(person: Person, online: boolean): void {
  person.online = online;
  for (const provider of Object.values(person.providers)) {
    if (online) provider.connect();
    else provider.disconnect();
  }
}

/** One random edit by one person: add, change or remove an item in a doc they may write. */
function randomEdit(person: Person, random: () => number, n: number): void {
  const kind: Kind = person.writesSide && random() < 0.4 ? 'side' : 'joint';
  const doc = person.docs[kind];
  const collection = kind === 'side' ? 'positions' : random() < 0.6 ? 'options' : 'agenda';
  const items = doc.getMap(collection);
  const ids = [...items.keys()].sort();
  const existing = ids.length ? ids[Math.floor(random() * ids.length)] : undefined;
  const roll = random();
  try {
    if (existing && roll < 0.2) {
      items.delete(existing);
    } else if (existing && roll < 0.5) {
      if (collection === 'options')
        updateItem(doc, collection, optionSchema, existing, { text: `${person.label} ${n}` });
      if (collection === 'positions') updateItem(doc, collection, positionSchema, existing, { because: `${n}` });
      if (collection === 'agenda') {
        const status = AGENDA_STATUSES[Math.floor(random() * AGENDA_STATUSES.length)]!;
        updateItem(doc, collection, agendaTopicSchema, existing, { status, order: n });
      }
    } else if (collection === 'options') {
      addItem(doc, collection, optionSchema, { id: newId(), text: `${person.label} ${n}`, serves: [], createdAt: n });
    } else if (collection === 'positions') {
      addItem(doc, collection, positionSchema, {
        id: newId(),
        text: `${person.label} ${n}`,
        because: '',
        createdAt: n,
      });
    } else {
      const status = AGENDA_STATUSES[0];
      addItem(doc, collection, agendaTopicSchema, { id: newId(), title: `${n}`, status, order: n, createdAt: n });
    }
  } catch {
    // An update of an item whose fields a concurrent edit left incomplete is skipped, as the app would.
  }
}

/** Documents compared as Yjs's tests do: same state vector, same content (key order aside). */
function snapshot(doc: Y.Doc): { stateVector: string; content: Record<string, unknown> } {
  const stateVector = JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b));
  const content = Object.fromEntries(COLLECTIONS.map((c) => [c, doc.getMap(c).toJSON()]));
  return { stateVector, content };
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function differences(people: Person[], kind: Kind): string[] {
  const [first, ...rest] = people.map((p) => ({ label: p.label, ...snapshot(p.docs[kind]) }));
  return rest
    .filter((s) => s.stateVector !== first!.stateVector || canonical(s.content) !== canonical(first!.content))
    .map((s) => `${s.label} differs from ${first!.label} on the ${kind} doc`);
}

describe('convergence', () => {
  it(`brings six clients with random edits, disconnects and a server restart to the same documents (seed ${SEED})`, async () => {
    try {
      await run(SEED);
    } catch (error) {
      throw new Error(
        `convergence seed ${SEED} (rerun with PARLEY_CONVERGENCE_SEED=${SEED}): ${(error as Error).message}`,
        { cause: error },
      );
    }
  }, 90_000);
});

async function run(seed: number): Promise<void> {
  const random = seededRandom(seed);
  const server = await startServer({ env: { MAX_MESSAGES_PER_SECOND: '100000' } });
  const room = await setupRoom(server, { mediated: true });
  const extraA = await join(server, room.invite('a'), 'Avery');
  const extraB = await join(server, room.invite('b'), 'Blake');
  const seats: Array<[string, string, boolean]> = [
    ['Alice (a)', room.token('a'), true],
    ['Avery (a)', extraA.memberToken, true],
    ['Guest (a, invite token)', room.invite('a'), true],
    ['Bob (b)', room.token('b'), false],
    ['Blake (b)', extraB.memberToken, false],
    ['Morgan (mediator)', room.token('mediator'), false],
  ];
  const people: Person[] = seats.map(([label, token, writesSide]) => ({
    label,
    token,
    writesSide,
    docs: { joint: new Y.Doc(), side: new Y.Doc() },
    providers: {},
    online: true,
  }));
  trackClient(() => {
    for (const p of people) {
      dropProviders(p);
      p.docs.joint.destroy();
      p.docs.side.destroy();
    }
  });
  const roomDoc = (scope: DocScope) => room.doc(scope);
  for (const p of people) connect(server, roomDoc, p);

  const restartAt = Math.floor(STEPS * (0.4 + random() * 0.2));
  for (let step = 0; step < STEPS; step++) {
    const person = people[Math.floor(random() * people.length)]!;
    const roll = random();
    if (roll < 0.12) setOnline(person, !person.online);
    else randomEdit(person, random, step);
    if (random() < 0.3) await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 8)));

    if (step === restartAt) {
      // SIGTERM; everyone keeps editing offline for a while; then a new process on the same data (a new port).
      expect(await server.stop()).toEqual({ code: 0, signal: null });
      for (let offline = 0; offline < 30; offline++)
        randomEdit(people[offline % people.length]!, random, step * 100 + offline);
      await server.restart();
      for (const p of people) {
        dropProviders(p);
        connect(server, roomDoc, p);
      }
    }
  }

  for (const p of people) setOnline(p, true);
  for (const kind of ['joint', 'side'] as const) {
    await waitFor(() => differences(people, kind).length === 0, `every client to converge on the ${kind} doc`, {
      timeoutMs: 20_000,
    }).catch((error: Error) => {
      throw new Error(`${error.message}: ${differences(people, kind).join('; ')}`);
    });
  }
  const converged = {
    joint: snapshot(people[0]!.docs.joint),
    side: snapshot(people[0]!.docs.side),
  };
  expect(Object.keys(converged.joint.content.options as object).length, 'the run made options').toBeGreaterThan(5);

  // One more restart, with every client gone: a fresh client sees exactly the same.
  for (const p of people) dropProviders(p);
  await server.restart();
  for (const kind of ['joint', 'side'] as const) {
    const view = await viewDoc(server, room.doc(SCOPE[kind]), room.token('observer'));
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, view.state);
    const seen = snapshot(fresh);
    fresh.destroy();
    expect(seen.stateVector, `${kind} doc: state vector of a fresh client`).toBe(converged[kind].stateVector);
    expect(seen.content, `${kind} doc: content of a fresh client`).toEqual(converged[kind].content);
  }
}

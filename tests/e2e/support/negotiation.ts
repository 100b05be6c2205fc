import type { Browser } from 'playwright-core';
import { createRoom, LEASE, type Invites, type RoomSpec } from './home.js';
import type { Link } from './link.js';
import { person, type Person } from './person.js';

export interface Negotiation {
  spec: RoomSpec;
  invites: Invites;
  mediator: Person;
  a: Person;
  b: Person;
}

export interface NegotiationOptions {
  spec?: RoomSpec;
  /** Network links per seat, for people whose connection a test will cut. */
  links?: Partial<Record<'mediator' | 'a' | 'b', Link>>;
}

export const NAMES = { mediator: 'Morgan', a: 'Alice', b: 'Bob', observer: 'Olive' } as const;

/**
 * A mediated room created from the home page, with the mediator and one member of each
 * side joined through their invite links, each in a browser context of their own.
 */
export async function negotiation(
  browser: Browser,
  serverUrl: string,
  options: NegotiationOptions = {},
): Promise<Negotiation> {
  const spec = options.spec ?? LEASE;
  if (!spec.mediated) throw new Error('negotiation() is for mediated rooms');
  const invites = await createRoom(browser, serverUrl, spec);
  const open = (seat: 'mediator' | 'a' | 'b', invite: string) => {
    const link = options.links?.[seat];
    return person(browser, link ? link.via(invite) : invite, NAMES[seat]);
  };
  const [mediator, a, b] = await Promise.all([
    open('mediator', invites.mediator!),
    open('a', invites.a),
    open('b', invites.b),
  ]);
  return { spec, invites, mediator, a, b };
}

import type { Browser, Page } from 'playwright-core';
import { newDevice } from './person.js';

export interface RoomSpec {
  title: string;
  sides: [string, string];
  mediated: boolean;
}

export interface Invites {
  mediator?: string;
  a: string;
  b: string;
  observer: string;
}

export const LEASE: RoomSpec = { title: 'Lease renewal', sides: ['Tenant', 'Landlord'], mediated: true };

/** Fills the home page's form and creates the room; leaves the page on the invite links. */
export async function createRoomOnHome(page: Page, spec: RoomSpec): Promise<void> {
  const form = page.getByRole('form', { name: 'Create a room' });
  await form.getByRole('textbox', { name: 'Title' }).fill(spec.title);
  await form.getByRole('textbox', { name: 'Side A name' }).fill(spec.sides[0]);
  await form.getByRole('textbox', { name: 'Side B name' }).fill(spec.sides[1]);
  await form.getByRole('checkbox', { name: 'With a mediator' }).setChecked(spec.mediated);
  await form.getByRole('button', { name: 'Create room' }).click();
  await page.getByRole('heading', { name: `“${spec.title}” is ready` }).waitFor();
}

/** Reads the invite links off the page, as a person would copy them. */
export async function readInvites(page: Page, spec: RoomSpec): Promise<Invites> {
  const link = (label: string) => page.getByRole('textbox', { name: `${label} invite link`, exact: true }).inputValue();
  const invites: Invites = {
    a: await link(`Side A — ${spec.sides[0]}`),
    b: await link(`Side B — ${spec.sides[1]}`),
    observer: await link('Observer'),
  };
  if (spec.mediated) invites.mediator = await link('Mediator');
  return invites;
}

/** The creator's whole first step: home page, form, invite links. */
export async function createRoom(browser: Browser, baseUrl: string, spec: RoomSpec = LEASE): Promise<Invites> {
  const { page } = await newDevice(browser);
  await page.goto(baseUrl);
  await createRoomOnHome(page, spec);
  const invites = await readInvites(page, spec);
  await page.close();
  return invites;
}

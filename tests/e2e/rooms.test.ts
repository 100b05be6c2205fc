import { describe, expect, test } from 'vitest';
import { useSuite } from './support/suite.js';
import { expectAccessible } from './support/axe.js';
import { addPosition, board } from './support/board.js';
import { createRoomOnHome, readInvites, type RoomSpec } from './support/home.js';
import { joinAs, newDevice, person, waitForConnection } from './support/person.js';
import { screenshot } from './support/shots.js';

/** Scenario 1: a room is created on the home page and every role joins through its own link. */

const { browser, server } = useSuite();

describe('creating a room and joining it', () => {
  test('the home page makes a mediated room whose four invite links each lead into the room in their role', async () => {
    const spec: RoomSpec = { title: 'Lease renewal', sides: ['Tenant', 'Landlord'], mediated: true };
    const { page: home } = await newDevice(browser());
    await home.goto(server().url);
    await home.getByRole('heading', { level: 1, name: 'Open a negotiation room' }).waitFor();
    await screenshot(home, '1-create', 'home');

    await createRoomOnHome(home, spec);
    // Focus moves to the result, so a keyboard user lands on the links.
    await expect
      .poll(() => home.getByRole('heading', { name: '“Lease renewal” is ready' }).evaluate(isFocused))
      .toBe(true);
    const invites = await readInvites(home, spec);
    await screenshot(home, '1-create', 'invites');
    for (const url of [invites.mediator!, invites.a, invites.b, invites.observer]) {
      expect(url).toMatch(new RegExp(`^${server().url}/join#[A-Za-z0-9_-]{20,}$`));
    }
    expect(new Set([invites.mediator, invites.a, invites.b, invites.observer]).size).toBe(4);
    expect(await home.getByRole('textbox', { name: 'Management link' }).inputValue()).toMatch(
      new RegExp(`^${server().url}/room/[A-Za-z0-9_-]+/manage#[A-Za-z0-9_-]{20,}$`),
    );
    // Whoever created it joins by their own link from here.
    expect(await home.getByRole('link', { name: 'Join as the mediator' }).getAttribute('href')).toBe(invites.mediator);

    // The join page names the room and the role before anyone commits to a name.
    const { page: joining } = await newDevice(browser());
    await joining.goto(invites.a);
    await joining.getByRole('heading', { level: 1, name: 'Join “Lease renewal”' }).waitFor();
    await joining.getByText('You are joining Lease renewal as Tenant (side A).').waitFor();
    // The token leaves the address bar as soon as it is read.
    expect(joining.url()).toBe(`${server().url}/join`);
    await screenshot(joining, '1-create', 'join');
    await joinAs(joining, 'Alice');

    const [mediator, b, observer] = await Promise.all([
      person(browser(), invites.mediator!, 'Morgan'),
      person(browser(), invites.b, 'Bob'),
      person(browser(), invites.observer, 'Olive'),
    ]);
    const roles: Array<[typeof joining, string]> = [
      [joining, 'You are Alice, Tenant (side A)'],
      [b.page, 'You are Bob, Landlord (side B)'],
      [mediator.page, 'You are Morgan, Mediator'],
      [observer.page, 'You are Olive, Observer'],
    ];
    for (const [page, who] of roles) {
      await page.getByRole('heading', { level: 1, name: 'Lease renewal' }).waitFor();
      await page.getByText(who).waitFor();
      // Everyone is listed as present, on every screen.
      const presence = page.getByRole('list', { name: /^In the room:/ });
      await presence.getByRole('listitem').nth(3).waitFor();
      for (const name of ['Alice', 'Bob', 'Morgan', 'Olive']) {
        await presence.getByRole('listitem').filter({ hasText: name }).waitFor();
      }
    }
    await screenshot(joining, '1-create', 'room-side-a');
    await screenshot(mediator.page, '1-create', 'room-mediator');
    await screenshot(observer.page, '1-create', 'room-observer');

    // A reload keeps the member in the room, without asking for the name again.
    await b.page.reload();
    await waitForConnection(b.page, 'Live');
    await b.page.getByText('You are Bob, Landlord (side B)').waitFor();
  });

  test('a room without a mediator offers no mediator link and says both sides facilitate', async () => {
    const spec: RoomSpec = { title: 'Shared fence', sides: ['North house', 'South house'], mediated: false };
    const { page: home } = await newDevice(browser());
    await home.goto(server().url);
    await createRoomOnHome(home, spec);
    const invites = await readInvites(home, spec);
    expect(invites.mediator).toBeUndefined();
    expect(await home.getByRole('textbox', { name: /^Mediator invite link/ }).count()).toBe(0);

    const north = await person(browser(), invites.a, 'Nia');
    await north.page.getByText('No mediator: both sides facilitate').waitFor();
    await north.page.getByText('You are Nia, North house (side A)').waitFor();
  });

  test('the management link replaces a side’s invite link: the old one and who joined with it stop working', async () => {
    const spec: RoomSpec = { title: 'Shared fence', sides: ['North house', 'South house'], mediated: false };
    const { invites, manageUrl } = await createManagedRoom(spec);
    const north = await person(browser(), invites.a, 'Nia');
    await north.page.getByText('You are Nia, North house (side A)').waitFor();

    const { page: manage } = await newDevice(browser());
    await manage.goto(manageUrl);
    await manage.getByRole('heading', { level: 1, name: 'Manage “Shared fence”' }).waitFor();
    // The credential leaves the address bar, as an invite's does.
    expect(manage.url()).not.toContain('#');
    expect(await manage.getByRole('button', { name: /Mediator/ }).count()).toBe(0);
    await manage.getByRole('button', { name: 'Replace link: Side A — North house' }).click();
    await manage.getByRole('button', { name: 'Yes, replace' }).click();
    const fresh = await manage.getByRole('textbox', { name: 'New Side A — North house invite link' }).inputValue();
    expect(fresh).not.toBe(invites.a);
    await screenshot(manage, '1-create', 'manage');

    // Who joined with the old link is signed out; the old link opens nothing; the new one admits.
    await north.page.getByText(/no longer valid/).waitFor();
    const { page: late } = await newDevice(browser());
    await late.goto(invites.a);
    await late.getByRole('heading', { level: 1, name: 'This invite could not be used' }).waitFor();
    const again = await person(browser(), fresh, 'Nia');
    await again.page.getByText('You are Nia, North house (side A)').waitFor();
  });

  test('the management link deletes the room once its title is typed: everyone in it is told, and nothing opens it again', async () => {
    const spec: RoomSpec = { title: 'Garden wall', sides: ['East flat', 'West flat'], mediated: false };
    const { invites, manageUrl } = await createManagedRoom(spec);
    const east = await person(browser(), invites.a, 'Eve');
    await addPosition(board(east.page, 'East flat'), { text: 'Lower the wall', because: 'light' });

    const { page: manage } = await newDevice(browser());
    await manage.goto(manageUrl);
    const form = manage.getByRole('form', { name: 'Delete this room' });
    const remove = form.getByRole('button', { name: 'Delete the room' });
    const confirm = form.getByRole('textbox', { name: /^Type the room’s title/ });
    await confirm.fill('Garden');
    expect(await remove.isDisabled()).toBe(true);
    await confirm.fill('Garden wall');
    await expectAccessible(manage, 'the management page, about to delete');
    await screenshot(manage, '1-create', 'manage-delete');
    await remove.click();
    await manage.getByRole('heading', { level: 1, name: '“Garden wall” was deleted' }).waitFor();

    // Who was in the room is told why, and the room stays readable only on their screen.
    await east.page.getByRole('alert').filter({ hasText: 'has deleted it' }).waitFor();
    const { page: late } = await newDevice(browser());
    await late.goto(invites.b);
    await late.getByRole('heading', { level: 1, name: 'This invite could not be used' }).waitFor();
    // A fresh tab: on the same page, a new fragment alone is not a new page load.
    const { page: again } = await newDevice(browser());
    await again.goto(manageUrl);
    await again.getByRole('heading', { level: 1, name: 'This management link could not be used' }).waitFor();
  });

  test('a broken invite link is refused with an explanation, not a room', async () => {
    const { page } = await newDevice(browser());
    await page.goto(`${server().url}/join#not-a-real-invite-token-at-all`);
    await page.getByRole('heading', { level: 1, name: 'This invite could not be used' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'check it was copied whole' }).waitFor();
    await page.goto(`${server().url}/join`);
    await page.getByRole('heading', { level: 1, name: 'This invite link is incomplete' }).waitFor();
  });
});

/** Creates a room from the home page, as its creator; returns its invite links and management link. */
async function createManagedRoom(spec: RoomSpec) {
  const { page: home } = await newDevice(browser());
  await home.goto(server().url);
  await createRoomOnHome(home, spec);
  const invites = await readInvites(home, spec);
  const manageUrl = await home.getByRole('textbox', { name: 'Management link' }).inputValue();
  return { invites, manageUrl };
}

// Runs in the page: whether the element has the keyboard focus.
function isFocused(element: { ownerDocument: { activeElement: unknown } }): boolean {
  return element.ownerDocument.activeElement === element;
}

import { possessiveOf, type CreateRoomBody, type CreateRoomResponse, type Invite } from '@parley/shared';
import { useEffect, useRef } from 'react';
import { CopyField } from '../ui/CopyField';

interface InviteLinksProps {
  created: CreateRoomResponse;
  body: CreateRoomBody;
  onAnother: () => void;
}

interface Row {
  key: string;
  invite: Invite;
  label: string;
  hint: string;
  tone: string;
}

/** The room's invite links, one per role, to hand to the right people. */
export function InviteLinks({ created, body, onAnother }: InviteLinksProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [sideA, sideB] = body.sides;
  const { invites } = created;

  // Move focus to the result, so keyboard and screen-reader users land on the links.
  useEffect(() => heading.current?.focus(), []);

  const rows: Row[] = [
    ...(invites.mediator
      ? [
          {
            key: 'mediator',
            invite: invites.mediator,
            label: 'Mediator',
            hint: 'For the mediator only.',
            tone: 'mediator',
          },
        ]
      : []),
    {
      key: 'a',
      invite: invites.a,
      label: `Side A — ${sideA}`,
      hint: `For everyone on ${possessiveOf(sideA)} side.`,
      tone: 'side-a',
    },
    {
      key: 'b',
      invite: invites.b,
      label: `Side B — ${sideB}`,
      hint: `For everyone on ${possessiveOf(sideB)} side.`,
      tone: 'side-b',
    },
    {
      key: 'observer',
      invite: invites.observer,
      label: 'Observer',
      hint: 'Can read the shared board; cannot write or answer pulse checks.',
      tone: 'observer',
    },
  ];

  return (
    <section className="card invites" aria-labelledby="invites-heading">
      <h2 id="invites-heading" ref={heading} tabIndex={-1}>
        “{body.title}” is ready
      </h2>
      <p>
        Send each link only to its people: whoever opens a side’s link joins that side. Links stay valid until they are
        reissued.
      </p>
      <ul className="invite-list">
        {rows.map((row) => (
          <li key={row.key} className={`invite tone-${row.tone}`}>
            <CopyField label={`${row.label} invite link`} value={row.invite.url} hint={row.hint} />
          </li>
        ))}
      </ul>
      <div className="admin-token">
        <CopyField
          label="Management link"
          value={managementLink(created)}
          hint="Keep this one to yourself: it opens a page that replaces any of these links, say one sent to the wrong person, and deletes the room when the negotiation is over. It cannot join the room."
        />
      </div>
      <div className="form-actions">
        {/* Whoever creates a room is usually in it: they join by their own link, as everyone does. */}
        {invites.mediator ? (
          <a className="button button-primary" href={invites.mediator.url}>
            Join as the mediator
          </a>
        ) : (
          <>
            <a className="button button-primary" href={invites.a.url}>
              Join as {sideA}
            </a>
            <a className="button" href={invites.b.url}>
              Join as {sideB}
            </a>
          </>
        )}
        <button type="button" className="button" onClick={onAnother}>
          Create another room
        </button>
      </div>
    </section>
  );
}

/** Where the room's links are replaced, on the same address as its invites (the server's public URL). */
function managementLink({ roomId, adminToken, invites }: CreateRoomResponse): string {
  return `${new URL(invites.a.url).origin}/room/${encodeURIComponent(roomId)}/manage#${adminToken}`;
}

import type { Peer } from '../../hooks/useAwarenessPeers';

/** "Dana is editing" on an item someone else has open in an editor. */
export function EditorsNote({ editors, selfMemberId }: { editors: Peer[]; selfMemberId: string }) {
  if (editors.length === 0) return null;
  const names = [...new Set(editors.map((p) => (p.memberId === selfMemberId ? 'You (another tab)' : p.name)))];
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return (
    <p className="editors-note">
      <span aria-hidden="true">✎ </span>
      {who} {names.length === 1 ? 'is' : 'are'} editing
    </p>
  );
}

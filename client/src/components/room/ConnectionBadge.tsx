import type { LinkStatus } from '../../hooks/useDocsStatus';

const TEXT: Record<LinkStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  unsaved: 'Not saving — retrying',
  offline: 'Offline — reconnecting',
  ended: 'Disconnected',
};

const DETAIL: Record<LinkStatus, string> = {
  connecting: 'Connecting to the room.',
  live: 'Connected. Changes are shared as you make them.',
  unsaved:
    'The server cannot save changes right now. Yours are kept on this device and shared as soon as it can save them again.',
  offline: 'Not connected. Your changes are kept on this device and shared when the connection returns.',
  ended: 'The server ended this connection; see the message below.',
};

export function ConnectionBadge({ status }: { status: LinkStatus }) {
  return (
    <p className={`connection connection-${status}`} role="status" title={DETAIL[status]}>
      <span className="connection-dot" aria-hidden="true" />
      <span>{TEXT[status]}</span>
      <span className="visually-hidden"> {DETAIL[status]}</span>
    </p>
  );
}

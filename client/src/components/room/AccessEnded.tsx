interface AccessEndedProps {
  reason: string;
  onForget: () => void;
}

/** Shown when the server has closed this member's access for good (revoked or refused). */
export function AccessEnded({ reason, onForget }: AccessEndedProps) {
  return (
    <div className="banner banner-error" role="alert">
      <p>
        <strong>You are no longer connected to this room.</strong> {reason}
      </p>
      <button type="button" className="button" onClick={onForget}>
        Forget this room on this device
      </button>
    </div>
  );
}

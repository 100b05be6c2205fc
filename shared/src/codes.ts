/**
 * Close codes for the `/yjs` WebSocket endpoint and error codes for acks and REST
 * errors. Both ends of the wire import these; third-party clients read them in
 * docs/PROTOCOL.md.
 */
export const CloseCode = {
  /** The server is going away (shutdown); reconnect later. */
  GoingAway: 1001,
  /** The server failed: the document could not be loaded, or a frame hit a fault of its own. */
  InternalError: 1011,
  /** The server dropped its in-memory copy of the document; reconnect and resync. */
  ServiceRestart: 1012,
  /** A frame could not be decoded as a y-websocket message. */
  BadMessage: 4400,
  /** Unknown, missing or revoked token. */
  Unauthorized: 4401,
  /** The token is valid but its role may not read this document. */
  Forbidden: 4403,
  /** The document name does not exist or is malformed. */
  NotFound: 4404,
  /** A frame, or the document it would produce, is over the size cap. */
  TooLarge: 4413,
  /** The connection sent more messages than the rate cap allows. */
  TooManyMessages: 4429,
  /** Storage refused the write (read-only or full disk); nothing was accepted. */
  StorageUnavailable: 4503,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

export const ErrorCode = {
  BadRequest: 'bad_request',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  Conflict: 'conflict',
  RateLimited: 'rate_limited',
  TooLarge: 'too_large',
  AlreadyAnswered: 'already_answered',
  PulseNotOpen: 'pulse_not_open',
  StorageUnavailable: 'storage_unavailable',
  Internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

/** The shape every socket.io acknowledgement takes. */
export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ErrorBody };

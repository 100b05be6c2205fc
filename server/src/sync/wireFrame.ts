/**
 * A binary WebSocket message framed once, so a broadcast to many peers costs one
 * header and one copy instead of one of each per recipient, and each recipient gets a
 * single write (one syscall) instead of ws's corked header-plus-payload writev.
 */
export interface WireFrame {
  /** The y-websocket message itself. */
  readonly message: Uint8Array;
  /** The message as a complete, unmasked, final binary frame (RFC 6455 §5.2). */
  readonly wire: Buffer;
}

const FIN_BINARY = 0x82;

export function frameOnce(message: Uint8Array): WireFrame {
  const length = message.length;
  // Server-to-client frames are never masked; the length takes 7 bits, or 16, or 64.
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const wire = Buffer.allocUnsafe(headerLength + length);
  wire[0] = FIN_BINARY;
  if (length < 126) {
    wire[1] = length;
  } else if (length < 65_536) {
    wire[1] = 126;
    wire.writeUInt16BE(length, 2);
  } else {
    wire[1] = 127;
    wire.writeBigUInt64BE(BigInt(length), 2);
  }
  wire.set(message, headerLength);
  return { message, wire };
}

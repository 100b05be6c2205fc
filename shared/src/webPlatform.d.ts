/**
 * The only platform globals shared code may use: web-standard ones that every browser
 * and Node.js 20+ provide. The shared tsconfig loads neither the DOM's types nor Node's,
 * so anything else fails to compile.
 */
declare function btoa(data: string): string;
// eslint-disable-next-line no-var -- a global declaration, so globalThis.crypto types too
declare var crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };

/**
 * What the tests and the benchmarks share, so both drive the same browser and start
 * the server the same way: Debian's Chromium with its flags, the built server in a
 * child process on a port the OS picks, waits that fail with what never happened, and
 * seeded random inputs.
 */
export * from './builtServer.js';
export * from './chromium.js';
export * from './random.js';
export * from './timeouts.js';

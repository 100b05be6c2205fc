/** Test helpers: a real server process, real clients, and waits that never hide a race. */
export * from './api.js';
export * from './cleanup.js';
export * from './control.js';
export * from './raw.js';
export * from './server.js';
export * from './wait.js';
export * from './yjs.js';
export * from './suite.js';

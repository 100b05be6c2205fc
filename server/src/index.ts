/** @parley/server — one way in for embedding the server (tests, benchmarks). */
export { loadConfig, type Config } from './config.js';
export { createLogger } from './log.js';
export { createParleyServer, type ParleyServer } from './server.js';

/**
 * Preloaded into every server under test (started with --expose-gc): SIGUSR2 runs a
 * full garbage collection, so the resident memory read before and after the load is
 * what the server retains rather than how much garbage it happened to be carrying.
 */
const gc = (globalThis as { gc?: () => void }).gc;
process.on('SIGUSR2', () => gc?.());

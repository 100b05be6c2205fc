// Loaded into the server under test by memory.test.ts (NODE_OPTIONS=--expose-gc --import):
// on SIGUSR2 it runs a full garbage collection and logs one line, so the test measures
// what the process holds rather than garbage V8 has not collected yet.
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ msg: 'collected', rss, heapUsed })}\n`);
});

/**
 * Preloaded into a server that has no SIGTERM handler of its own when it is profiled:
 * --cpu-prof writes its profile only on a normal exit.
 */
process.on('SIGTERM', () => process.exit(0));

/** Hocuspocus 3 with its default settings, in memory: the server the benchmark starts as a child process. */
import { Server } from '@hocuspocus/server';

const port = Number(process.env.PORT ?? 1234);
const address = process.env.HOST ?? '127.0.0.1';
const server = new Server({ port, address, quiet: true });
await server.listen();
process.stdout.write(`hocuspocus listening on ${address}:${port}\n`);

const stop = () => {
  server.destroy().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

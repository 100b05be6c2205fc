import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { ErrorCode } from '@parley/shared';
import { ParleyError } from '../errors.js';
import type { Logger } from '../log.js';
import type { RoomService } from '../rooms/service.js';
import { createRoom } from './createRoom.js';
import { errorHandler } from './errorHandler.js';
import { joinRoom } from './joinRoom.js';
import { reissueInvite } from './reissueInvite.js';
import { resolveInvite } from './resolveInvite.js';

export interface AppDeps {
  rooms: RoomService;
  log: Logger;
  /** Folder of the built web client, served with an SPA fallback when present. */
  clientDir: string | null;
  isReady: () => boolean;
}

export function createApp({ rooms, log, clientDir, isReady }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
      // Invite tokens live in URL fragments, and no Referer leaves the app at all.
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // path only: query strings and bodies may carry tokens.
      log.debug(
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'http',
      );
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', (_req, res) => {
    res.status(isReady() ? 200 : 503).json({ ready: isReady() });
  });

  const api = express.Router();
  api.use(express.json({ limit: '32kb' }));
  api.post('/rooms', createRoom(rooms));
  api.post('/invites/resolve', resolveInvite(rooms));
  api.post('/members', joinRoom(rooms));
  api.post('/rooms/:roomId/invites/reissue', reissueInvite(rooms));
  api.use((_req, _res, next) => next(new ParleyError(ErrorCode.NotFound, 'no such API route')));
  api.use(errorHandler(log));
  app.use('/api', api);

  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // Any other GET is a client route (/join, /room/…): the app decides what to show.
    app.get(/^\/(?!api\/|yjs\/|socket\.io\/).*/, (_req, res) => {
      res.sendFile(path.join(clientDir, 'index.html'), { maxAge: 0 });
    });
  }
  app.use(errorHandler(log));
  return app;
}

import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { ErrorCode } from '@parley/shared';
import { ParleyError } from '../errors.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { RoomService } from '../rooms/service.js';
import { createRoom } from './createRoom.js';
import { deleteRoom } from './deleteRoom.js';
import { errorHandler } from './errorHandler.js';
import { joinRoom } from './joinRoom.js';
import { manageRoom } from './manageRoom.js';
import { metricsAccess } from './metricsAccess.js';
import { reissueInvite } from './reissueInvite.js';
import { resolveInvite } from './resolveInvite.js';

export interface AppDeps {
  rooms: RoomService;
  log: Logger;
  /** Folder of the built web client, served with an SPA fallback when present. */
  clientDir: string | null;
  metrics: Metrics;
  config: Pick<Config, 'ROOMS_PER_HOUR_PER_ADDRESS' | 'METRICS_TOKEN' | 'TRUST_PROXY'>;
  /** Listening and not shutting down. */
  isReady: () => boolean;
  /** False while the room database or the pulse file refuses writes (see WriteHealth). */
  storageTakesWrites: () => boolean;
}

export function createApp(deps: AppDeps): express.Express {
  const { rooms, log, clientDir, metrics, config, isReady, storageTakesWrites } = deps;
  const app = express();
  app.disable('x-powered-by');
  // Whose X-Forwarded-For names the client: the per-address limit counts that client.
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          // 'self' covers same-host ws: and wss: in current browsers.
          connectSrc: ["'self'"],
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
    if (!isReady()) return void res.status(503).json({ ready: false });
    if (!storageTakesWrites()) return void res.status(503).json({ ready: false, reason: 'storage_unavailable' });
    res.json({ ready: true });
  });
  app.get('/metrics', metricsAccess(config.METRICS_TOKEN), (_req, res, next) => {
    metrics.registry.metrics().then((text) => res.type(metrics.registry.contentType).send(text), next);
  });

  // Creating rooms is the one unauthenticated write; cap it per address.
  const roomCreationLimit = rateLimit({
    windowMs: 60 * 60 * 1000,
    limit: config.ROOMS_PER_HOUR_PER_ADDRESS,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new ParleyError(ErrorCode.RateLimited, 'too many rooms created from this address; try again later')),
  });

  const api = express.Router();
  api.use(express.json({ limit: '32kb' }));
  api.post('/rooms', roomCreationLimit, createRoom(rooms));
  api.post('/invites/resolve', resolveInvite(rooms));
  api.post('/members', joinRoom(rooms));
  api.get('/rooms/:roomId', manageRoom(rooms));
  api.delete('/rooms/:roomId', deleteRoom(rooms));
  api.post('/rooms/:roomId/invites/reissue', reissueInvite(rooms));
  api.use((_req, _res, next) => next(new ParleyError(ErrorCode.NotFound, 'no such API route')));
  api.use(errorHandler(log));
  app.use('/api', api);

  if (clientDir) {
    const indexHtml = path.join(clientDir, 'index.html');
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // A missing built file is a 404, never the app's HTML: a page left open across a
    // deploy must see its lazily loaded code fail, not parse index.html as a script.
    app.use('/assets', (_req, _res, next) => next(new ParleyError(ErrorCode.NotFound, 'no such asset')));
    // Any other GET is a client route (/join, /room/…): the app decides what to show.
    // Checked per request, so a client built after the server started is served too.
    app.get(/^\/(?!api\/|yjs\/|socket\.io\/).*/, (_req, res, next) => {
      if (!fs.existsSync(indexHtml))
        return next(new ParleyError(ErrorCode.NotFound, 'the web client is not built; run npm run build'));
      res.sendFile(indexHtml, { maxAge: 0 });
    });
  }
  // Whatever is left (a plain GET of /yjs/…, another method on a page) gets the API's
  // error shape, not Express's HTML page.
  app.use((_req, _res, next) => next(new ParleyError(ErrorCode.NotFound, 'not found')));
  app.use(errorHandler(log));
  return app;
}

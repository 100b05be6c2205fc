import type { Browser } from 'playwright-core';
import { useServer } from '../../helpers/suite.js';
import type { StartOptions, TestServer } from '../../helpers/server.js';
import { useBrowser } from './browser.js';

export interface Suite {
  browser: () => Browser;
  server: () => TestServer;
}

/**
 * What every browser test file stands on: the cleanup hooks, one Chromium and one real
 * server for the whole file, both started before its first test. Each person still gets
 * a browser context of their own. Call it once, at the top of the file; `options` start
 * the server with settings of its own (e.g. a small `MAX_DB_BYTES`).
 */
export function useSuite(options: StartOptions = {}): Suite {
  const server = useServer(options);
  // After the cleanup hooks useServer installs (useBrowser's own hooks rely on that order).
  const browser = useBrowser();
  return { browser, server };
}

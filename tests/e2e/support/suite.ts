import type { Browser } from 'playwright-core';
import { beforeAll } from 'vitest';
import { installCleanup } from '../../helpers/cleanup.js';
import { startServer, type TestServer } from '../../helpers/server.js';
import { useBrowser } from './browser.js';

export interface Suite {
  browser: () => Browser;
  server: () => TestServer;
}

/**
 * What every browser test file stands on: the cleanup hooks, one Chromium and one real
 * server for the whole file, both started before its first test. Each person still gets
 * a browser context of their own. Call it once, at the top of the file.
 */
export function useSuite(): Suite {
  installCleanup();
  const browser = useBrowser();
  let server: TestServer | null = null;
  beforeAll(async () => {
    server = await startServer();
  });
  return {
    browser,
    server: () => {
      if (!server) throw new Error('the server is not running (useSuite() must be called at the top of the file)');
      return server;
    },
  };
}

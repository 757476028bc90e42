import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium, type LaunchedBrowser } from '../../support/browser.ts';
import { startAppServer, type AppServer } from '../../support/server.ts';

export interface JourneyEnvironment {
  /** The file's one server (started in `beforeAll`: it costs about a minute). */
  server(): AppServer;
  /** A fresh Chromium with its own profile, closed after the test. */
  launch(viewport: { width: number; height: number }): Promise<LaunchedBrowser>;
}

/**
 * Registers a journey file's lifecycle: one real server for the file, browsers closed after each test, and
 * the check that nothing in the app tried to reach beyond this machine.
 */
export function journeyEnvironment(
  options: {
    /** More server environment, read when the server starts (e.g. SMTP_URL of a catcher started before it). */
    readonly env?: () => Record<string, string>;
    /** See startAppServer: `localhost` for passkeys. */
    readonly host?: '127.0.0.1' | 'localhost';
  } = {},
): JourneyEnvironment {
  let server: AppServer | undefined;
  let browsers: LaunchedBrowser[] = [];

  beforeAll(async () => {
    server = await startAppServer(options.env?.() ?? {}, options.host ? { host: options.host } : {});
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(async () => {
    const blocked = browsers.flatMap((b) => b.blockedRequests);
    await Promise.all(browsers.map((b) => b.close()));
    browsers = [];
    expect(blocked).toEqual([]);
  });

  return {
    server: () => {
      if (!server) throw new Error('the journey server has not started (use it inside a test)');
      return server;
    },
    async launch(viewport) {
      const browser = await launchChromium({ viewport });
      browsers.push(browser);
      return browser;
    },
  };
}

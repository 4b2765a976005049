import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium against `yarn start` with its embedded
 * defaults (SQLite in memory, guest sign-in, the demo cluster snapshot and the
 * local GitOps repository). Browser downloads are impossible on our machines,
 * so the browser is the system one: set PLAYWRIGHT_CHROMIUM to override.
 */
const chromium = process.env.PLAYWRIGHT_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Two ports nobody listens on, picked once by the main process: workers
 * load this file again and inherit them through the environment. The tests
 * start their own `yarn start` there (it refuses busy ports), so they never
 * talk to a Backstage they did not start. PLAYWRIGHT_URL points them at a
 * running app instead, and then nothing is started.
 */
function freePorts(): [string, string] {
  const script = `const net = require('net');
    const a = net.createServer().listen(0, '127.0.0.1', () => {
      const b = net.createServer().listen(0, '127.0.0.1', () => {
        console.log(a.address().port + ' ' + b.address().port);
        a.close(); b.close();
      });
    });`;
  const [app, backend] = execFileSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
  })
    .trim()
    .split(' ');
  return [app, backend];
}
if (!process.env.E2E_APP_PORT || !process.env.E2E_BACKEND_PORT) {
  [process.env.E2E_APP_PORT, process.env.E2E_BACKEND_PORT] = freePorts();
}
const appPort = process.env.E2E_APP_PORT;
const backendPort = process.env.E2E_BACKEND_PORT;
const external = process.env.PLAYWRIGHT_URL;

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/globalSetup.ts',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
  ],
  // Screenshots the specs take on purpose, and traces of failures, go here.
  outputDir: 'test-results',

  webServer: external
    ? undefined
    : [
        {
          // The README's start command (it checks Node and node_modules first).
          command: './scripts/dev start',
          env: { APP_PORT: appPort, BACKEND_PORT: backendPort },
          url: `http://localhost:${appPort}`,
          reuseExistingServer: false,
          timeout: 300_000,
          stdout: 'ignore',
          stderr: 'pipe',
        },
        {
          // Ready once every backend plugin has started (auth included). The
          // backend is the one `yarn start` above started on a port that was
          // free, so waiting for it here reuses nothing foreign.
          command: 'node -e "setInterval(() => {}, 1 << 30)"',
          url: `http://127.0.0.1:${backendPort}/.backstage/health/v1/readiness`,
          reuseExistingServer: true,
          timeout: 300_000,
        },
      ],

  use: {
    baseURL: external ?? `http://localhost:${appPort}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },

  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        channel: undefined,
        launchOptions: {
          executablePath: chromium,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});

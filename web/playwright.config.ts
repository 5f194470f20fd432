import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests against a running console: the gateway of `./attest up` by default, or the dev server
 * (`ATTEST_CONSOLE_URL=http://127.0.0.1:5173/console/` with `npm run dev`). Debian's chromium, never a
 * downloaded browser. Pages are opened relative to the base: `page.goto('kyc')`, not `'/kyc'`.
 */
const baseURL = process.env.ATTEST_CONSOLE_URL ?? 'http://127.0.0.1:8080/console/';
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // The machines have two cores and the whole stack runs beside the browser.
  workers: 1,
  // No retries: a flaky test is fixed, not retried.
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    launchOptions: { executablePath },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
    { name: 'phone', use: { ...devices['Desktop Chrome'], viewport: { width: 375, height: 812 }, hasTouch: true } },
  ],
});

import { defineConfig } from '@playwright/test';

/**
 * Run by BrowserE2ETest (crm-runtime) against the @QuarkusTest runtime and the local Keycloak:
 * VETTIFY_E2E_BASE_URL is the runtime's address, VETTIFY_E2E_OUTPUT_DIR a folder under target/.
 * Debian's Chromium (Playwright's own browser download is not used), headless, with the flags that keep it off
 * the network beyond loopback.
 */
const output = process.env.VETTIFY_E2E_OUTPUT_DIR ?? 'target';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  globalTimeout: 12 * 60_000,
  retries: 0,
  workers: 1,
  forbidOnly: true,
  outputDir: `${output}/results`,
  reporter: [['list'], ['html', { outputFolder: `${output}/report`, open: 'never' }], ['junit', { outputFile: `${output}/junit.xml` }]],
  use: {
    baseURL: process.env.VETTIFY_E2E_BASE_URL ?? 'http://localhost:8080',
    headless: true,
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.VETTIFY_CHROMIUM ?? '/usr/bin/chromium',
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
});

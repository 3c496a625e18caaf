// ./vettify bench ui: Lighthouse 12 on the web UI's dashboard and leads page, signed in through the real Keycloak,
// in Debian's headless Chromium; then the leads grid's first page with the tenant's 100,000 leads.
//   node lighthouse.mjs BASE_URL USERNAME OUTPUT_DIR
import { writeFileSync, mkdirSync } from 'node:fs';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import puppeteer from 'puppeteer-core';

const [baseUrl, username, outputDir] = process.argv.slice(2);
const password = 'vettify-dev'; // the realm's development-only demo password
mkdirSync(outputDir, { recursive: true });

const browser = await puppeteer.launch({
  executablePath: process.env.VETTIFY_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  defaultViewport: null,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--window-size=1350,940'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${baseUrl}/ui/`);
  await page.waitForSelector('#kc-form-login', { timeout: 60_000 });
  await page.type('#username', username);
  await page.type('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('#kc-login')]);
  await page.waitForSelector('button[aria-label="Account menu"]', { timeout: 60_000 });

  const results = [];
  for (const [name, path] of [['dashboard', '/ui/'], ['leads', '/ui/leads']]) {
    // Same tab, storage kept: the signed-in session (sessionStorage) stays, as for a user moving between pages.
    const run = await lighthouse(`${baseUrl}${path}`, { output: ['html', 'json'], logLevel: 'error', disableStorageReset: true },
      desktopConfig, page);
    const lhr = run.lhr;
    writeFileSync(`${outputDir}/${name}.report.html`, run.report[0]);
    writeFileSync(`${outputDir}/${name}.report.json`, run.report[1]);
    results.push({
      page: name,
      url: lhr.finalDisplayedUrl,
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      lcpMs: Math.round(lhr.audits['largest-contentful-paint'].numericValue),
      fcpMs: Math.round(lhr.audits['first-contentful-paint'].numericValue),
      tbtMs: Math.round(lhr.audits['total-blocking-time'].numericValue),
      cls: Number(lhr.audits['cumulative-layout-shift'].numericValue.toFixed(3)),
    });
  }

  // The leads grid's first page, measured in the browser: from navigation start to the first row on screen.
  const grid = [];
  for (let i = 0; i < 5; i++) {
    const started = Date.now();
    await page.goto(`${baseUrl}/ui/leads`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('table[aria-label="Leads"] tbody tr a', { timeout: 60_000 });
    grid.push(Date.now() - started);
  }
  const summary = { lighthouse: results, leadsGridFirstRowMs: grid, chromium: await browser.version() };
  writeFileSync(`${outputDir}/summary.json`, JSON.stringify(summary, null, 2));
  console.log(JSON.stringify(summary, null, 2));
} finally {
  await browser.close();
}

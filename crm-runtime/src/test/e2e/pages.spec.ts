import { mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './support/login';
import { ensurePageData } from './support/demo-data';

/** docs/ui/ of the repository this spec is in. */
function screenshotDir(): string {
  let dir = dirname(test.info().file);
  while (!existsSync(join(dir, 'docs')) || !existsSync(join(dir, 'crm-runtime'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repository root not found above ' + test.info().file);
    dir = parent;
  }
  mkdirSync(join(dir, 'docs', 'ui'), { recursive: true });
  return join(dir, 'docs', 'ui');
}

/** Opens the first row's link of a list page, for the detail pages. */
async function firstDetail(page: Page, list: string, table: string): Promise<string> {
  await page.goto(list);
  const link = page.getByRole('table', { name: table }).getByRole('link').first();
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return new URL(page.url()).pathname;
}

const PAGES: { name: string; path: (page: Page) => Promise<string>; ready: (page: Page) => Promise<void> }[] = [
  { name: 'dashboard', path: async () => '/ui/', ready: async (p) => { await expect(p.getByRole('status')).toHaveText(/All systems up|Degraded/); } },
  { name: 'leads', path: async () => '/ui/leads', ready: async (p) => { await expect(p.getByRole('table', { name: 'Leads' }).getByRole('link').first()).toBeVisible(); } },
  { name: 'lead-new', path: async () => '/ui/leads/new', ready: async (p) => { await expect(p.getByLabel('Email')).toBeVisible(); } },
  { name: 'lead-detail', path: (p) => firstDetail(p, '/ui/leads', 'Leads'), ready: async (p) => { await expect(p.getByText('Score')).toBeVisible(); } },
  { name: 'opportunities', path: async () => '/ui/opportunities', ready: async (p) => { await expect(p.getByRole('article').first()).toBeVisible(); } },
  { name: 'accounts', path: async () => '/ui/accounts', ready: async (p) => { await expect(p.getByRole('table', { name: 'Accounts' }).getByRole('link').first()).toBeVisible(); } },
  { name: 'account-360', path: (p) => firstDetail(p, '/ui/accounts', 'Accounts'), ready: async (p) => { await expect(p.getByRole('region', { name: 'Timeline' })).toBeVisible(); } },
  { name: 'campaigns', path: async () => '/ui/campaigns', ready: async (p) => { await expect(p.getByRole('table', { name: 'Campaigns' }).getByRole('link').first()).toBeVisible(); } },
  { name: 'campaign-new', path: async () => '/ui/campaigns/new', ready: async (p) => { await expect(p.getByLabel('Subject')).toBeVisible(); } },
  { name: 'campaign-results', path: (p) => firstDetail(p, '/ui/campaigns', 'Campaigns'), ready: async (p) => { await expect(p.getByRole('heading', { name: 'Results' })).toBeVisible(); } },
];

for (const theme of ['light', 'dark'] as const) {
  test.describe(`every page in the ${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await loginAs(page, 'demo-admin');
      await ensurePageData(page);
      await page.evaluate((t) => localStorage.setItem('theme', t), theme);
    });

    for (const { name, path, ready } of PAGES) {
      test(`${name}: no serious or critical axe violations; screenshot`, async ({ page }) => {
        await page.setViewportSize({ width: 1280, height: 800 });
        const url = await path(page);
        await page.goto(url);
        await ready(page);
        await page.waitForLoadState('networkidle');

        const results = await new AxeBuilder({ page }).analyze();
        const blocking = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        expect(blocking, `axe on ${url} (${theme})`).toEqual([]);

        await page.screenshot({ path: join(screenshotDir(), `${name}-${theme}.png`), fullPage: true });
      });
    }
  });
}

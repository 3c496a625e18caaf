import { expect, test, type Browser, type Page } from '@playwright/test';
import { createLead, loginAs } from './support/login';
import { deleteCreated } from './support/demo-data';

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await loginAs(page, username);
  return page;
}

function grid(page: Page) {
  return page.getByRole('table', { name: 'Leads' });
}

test('globex-sales sees none of demo\'s rows in the leads grid', async ({ browser }) => {
  const run = Date.now().toString(36);
  const demoEmail = `demo-only.${run}@demo.example`;
  const globexEmail = `globex-only.${run}@globex.example`;

  const demo = await signedIn(browser, 'demo-sales');
  const demoLead = await createLead(demo, demoEmail, 'Demo');
  await demo.goto('/ui/leads?q=' + encodeURIComponent(demoEmail));
  await expect(grid(demo).getByText(demoEmail)).toBeVisible();

  const globex = await signedIn(browser, 'globex-sales');
  const globexLead = await createLead(globex, globexEmail, 'Globex');
  await globex.goto('/ui/leads');
  await expect(grid(globex).getByText(globexEmail)).toBeVisible();
  await expect(grid(globex).getByText(demoEmail)).toHaveCount(0);
  const shown = await grid(globex).getByRole('link').allTextContents();
  expect(shown.filter((text) => text.endsWith('@demo.example'))).toEqual([]);

  await globex.goto('/ui/leads?q=' + encodeURIComponent(demoEmail));
  await expect(grid(globex).getByText(globexEmail)).toHaveCount(0);
  await expect(grid(globex).getByText(demoEmail)).toHaveCount(0);

  await deleteCreated(demo, `leads/${demoLead}`);
  await deleteCreated(globex, `leads/${globexLead}`);
});

test('demo-marketing sees the leads but no write actions on them', async ({ browser }) => {
  const email = `marketing-view.${Date.now().toString(36)}@demo.example`;
  const sales = await signedIn(browser, 'demo-sales');
  const lead = await createLead(sales, email, 'Marketing');

  const marketing = await signedIn(browser, 'demo-marketing');
  await marketing.goto('/ui/leads?q=' + encodeURIComponent(email));
  await expect(grid(marketing).getByText(email)).toBeVisible();
  for (const role of ['link', 'button'] as const) {
    await expect(marketing.getByRole(role, { name: 'New lead' })).toHaveCount(0);
  }
  await expect(marketing.getByRole('checkbox', { name: `Select lead ${email}` })).toHaveCount(0);

  await grid(marketing).getByRole('link', { name: email }).click();
  await expect(marketing.getByRole('heading', { level: 1, name: email })).toBeVisible();
  for (const name of ['Edit', 'Qualify and convert', 'Delete']) {
    for (const role of ['link', 'button'] as const) {
      await expect(marketing.getByRole(role, { name, exact: true })).toHaveCount(0);
    }
  }

  await deleteCreated(sales, `leads/${lead}`);
});

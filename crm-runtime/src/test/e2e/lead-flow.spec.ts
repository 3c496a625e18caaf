import { expect, test, type Page } from '@playwright/test';
import { accessToken, loginAs } from './support/login';
import { deleteCreated } from './support/demo-data';

/** Drags with the pointer, in steps, as a person would (dnd-kit starts a drag after 5 px). */
async function drag(page: Page, from: ReturnType<Page['getByRole']>, to: ReturnType<Page['getByRole']>) {
  const start = (await from.boundingBox())!;
  const end = (await to.boundingBox())!;
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 10, start.y + start.height / 2 + 10, { steps: 5 });
  await page.mouse.move(end.x + end.width / 2, end.y + 80, { steps: 15 });
  await page.mouse.up();
}

test('a sales user creates a lead, qualifies and converts it, and drags the opportunity to another stage', async ({ page }) => {
  const run = Date.now().toString(36);
  const email = `ana.${run}@carpati.example`;
  const opportunity = `Carpați licences ${run}`;

  await loginAs(page, 'demo-sales');
  await page.goto('/ui/leads');
  await page.getByRole('link', { name: 'New lead' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Last name').fill('Popescu');
  await page.getByLabel('Company').fill(`Carpați ${run} SRL`);
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page.getByRole('heading', { level: 1, name: email })).toBeVisible();
  await page.goto('/ui/leads?q=' + encodeURIComponent(email));
  await expect(page.getByRole('link', { name: email })).toBeVisible();
  await page.getByRole('link', { name: email }).click();
  await expect(page.getByRole('heading', { level: 1, name: email })).toBeVisible();
  const leadUrl = page.url();

  await page.getByRole('button', { name: 'Qualify and convert' }).click();
  const wizard = page.getByRole('dialog', { name: 'Qualify and convert' });
  await wizard.getByRole('button', { name: 'Qualify' }).click();
  await wizard.getByLabel('Opportunity name').fill(opportunity);
  await wizard.getByLabel('Amount').fill('12500');
  await wizard.getByRole('button', { name: 'Convert' }).click();
  await expect(wizard.getByText('Converted: account, contact and opportunity created.')).toBeVisible();
  await wizard.getByRole('link', { name: 'Open opportunities' }).click();

  const card = page.getByRole('article', { name: opportunity });
  await expect(page.getByRole('region', { name: 'Qualification' }).getByRole('article', { name: opportunity })).toBeVisible();
  await drag(page, card.getByRole('button', { name: `Drag ${opportunity}` }), page.getByRole('region', { name: 'Proposal' }));
  await expect(page.getByRole('region', { name: 'Proposal' }).getByRole('article', { name: opportunity })).toBeVisible();
  await expect(page.getByText('Stage changed')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('region', { name: 'Proposal' }).getByRole('article', { name: opportunity })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Qualification' }).getByRole('article', { name: opportunity })).toHaveCount(0);

  const leadId = new URL(leadUrl).pathname.split('/').at(-1)!;
  const lead = await (await page.request.get(`/v1/crm/leads/${leadId}`, { headers: { Authorization: `Bearer ${await accessToken(page)}` } })).json();
  expect(lead.status).toBe('CONVERTED');
  await deleteCreated(page, `leads/${leadId}`, `opportunities/${lead.convertedOpportunityId}`,
    `contacts/${lead.convertedContactId}`, `accounts/${lead.convertedAccountId}`);
});

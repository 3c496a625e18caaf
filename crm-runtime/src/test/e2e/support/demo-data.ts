import { expect, type Page } from '@playwright/test';
import { accessToken } from './login';

/**
 * Makes sure the signed-in user's tenant has a lead, a converted lead (an account with a contact and an opportunity)
 * and a campaign, so every page has something to show whatever ran before. Needs crm/write and crm/campaigns.
 */
export async function ensurePageData(page: Page): Promise<void> {
  const headers = { Authorization: `Bearer ${await accessToken(page)}` };
  const count = async (path: string) => {
    const response = await page.request.get(`/v1/crm/${path}?limit=1`, { headers });
    expect(response.ok(), `GET ${path}`).toBeTruthy();
    return ((await response.json()).items as unknown[]).length;
  };
  const run = Date.now().toString(36);
  if ((await count('opportunities')) === 0 || (await count('accounts')) === 0) {
    const lead = await page.request.post('/v1/crm/leads', {
      headers,
      data: { email: `maria.${run}@bega.example`, firstName: 'Maria', lastName: 'Ionescu', company: `Bega ${run} SRL`, source: 'EVENT' },
    });
    expect(lead.status()).toBe(201);
    const id = (await lead.json()).id;
    expect((await page.request.post(`/v1/crm/leads/${id}/qualify`, { headers })).ok()).toBeTruthy();
    expect((await page.request.post(`/v1/crm/leads/${id}/convert`, { headers, data: { opportunityName: `Bega ${run} fleet`, amount: 42000, currency: 'RON' } })).ok()).toBeTruthy();
  }
  if ((await count('leads')) === 0) {
    const lead = await page.request.post('/v1/crm/leads', { headers, data: { email: `ion.${run}@delta.example`, lastName: 'Pop', company: `Delta ${run} SRL` } });
    expect(lead.status()).toBe(201);
  }
  if ((await count('campaigns')) === 0) {
    const campaign = await page.request.post('/v1/crm/campaigns', {
      headers,
      data: { name: `Spring webinar ${run}`, subject: 'Join our pipeline webinar', bodyHtml: '<p>Bună ziua!</p>', audience: { statuses: ['QUALIFIED'], sources: [], includeContacts: true } },
    });
    expect(campaign.status()).toBe(201);
  }
}

/**
 * Deletes what a spec created in a shared tenant (demo, globex), so the demo data keeps its documented size
 * (DemoDataTest) however often the browser tests run against the same database.
 */
export async function deleteCreated(page: Page, ...paths: string[]): Promise<void> {
  const headers = { Authorization: `Bearer ${await accessToken(page)}` };
  for (const path of paths) {
    const response = await page.request.delete(`/v1/crm/${path}`, { headers });
    expect(response.status(), `DELETE ${path}: ${await response.text()}`).toBe(204);
  }
}

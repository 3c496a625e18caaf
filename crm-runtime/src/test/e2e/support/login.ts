import { expect, type Page } from '@playwright/test';

/** The development-only password of the realm's demo users (scripts/keycloak/vettify-realm.json). */
export const DEMO_PASSWORD = 'vettify-dev';

/** The local Keycloak's address (VETTIFY_E2E_KEYCLOAK_URL, set by BrowserE2ETest). */
export const keycloakUrl = process.env.VETTIFY_E2E_KEYCLOAK_URL ?? 'http://localhost:8180';

/** Fills and submits Keycloak's own login form (the page the SPA redirects to). */
export async function submitKeycloakLogin(page: Page, username: string): Promise<void> {
  await expect(page.locator('#kc-form-login')).toBeVisible();
  expect(page.url()).toContain('/realms/vettify/protocol/openid-connect/auth');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('#kc-login').click();
}

/**
 * Logs in as a demo user through Keycloak's real login page: opens the app, which sends the browser to Keycloak
 * (authorization code + PKCE), submits the form, and waits until the app is back with the user signed in.
 */
export async function loginAs(page: Page, username: string): Promise<void> {
  await page.goto('/ui/');
  await submitKeycloakLogin(page, username);
  await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
  expect(new URL(page.url()).pathname).toMatch(/^\/ui\//);
}

/** The signed-in user's access token, as the SPA keeps it (oidc-client-ts in the app origin's sessionStorage). */
export async function accessToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
    return key ? (JSON.parse(sessionStorage.getItem(key)!).access_token as string) : null;
  });
  expect(token, 'signed in').toBeTruthy();
  return token!;
}

/** Creates a lead through the API as the signed-in user; returns its id. */
export async function createLead(page: Page, email: string, lastName: string): Promise<string> {
  const response = await page.request.post('/v1/crm/leads', {
    headers: { Authorization: `Bearer ${await accessToken(page)}` },
    data: { email, lastName, company: `${lastName} SRL`, source: 'WEB' },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id as string;
}

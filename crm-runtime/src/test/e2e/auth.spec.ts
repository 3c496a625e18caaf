import { expect, test, type Page } from '@playwright/test';
import { endSessionsOf } from './support/keycloak-admin';
import { keycloakUrl, loginAs } from './support/login';

/** The keys oidc-client-ts keeps the signed-in user under, in the app origin's sessionStorage. */
async function storedSessions(page: Page): Promise<string[]> {
  await page.goto('/ui/config.json');
  return page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:')));
}

async function expectKeycloakLoginPage(page: Page) {
  await expect(page.locator('#kc-form-login')).toBeVisible();
  expect(page.url().startsWith(`${keycloakUrl}/realms/vettify/protocol/openid-connect/auth`), page.url()).toBeTruthy();
}

test('an unauthenticated visitor is sent to the Keycloak login page of the vettify-web client', async ({ page }) => {
  await page.goto('/ui/leads');
  await expectKeycloakLoginPage(page);
  const authorize = new URL(page.url());
  expect(authorize.searchParams.get('client_id')).toBe('vettify-web');
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('response_type')).toBe('code');
});

test('demo-sales logs in through Keycloak and the app shows the user', async ({ page }) => {
  await loginAs(page, 'demo-sales');
  await expect(page.getByRole('banner').getByText('Dana Sales')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Leads' })).toBeVisible();
  expect(await storedSessions(page)).toHaveLength(1);
});

test('signing out ends the Keycloak session and drops the API token', async ({ page }) => {
  await loginAs(page, 'demo-sales');
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  // Back at /ui/ without a session, the app sends the browser to the login page again (not silently back in).
  await expectKeycloakLoginPage(page);
  expect(await storedSessions(page)).toHaveLength(0);
  await page.goto('/ui/');
  await expectKeycloakLoginPage(page);
});

test('an expired session sends the user back to the login page', async ({ page }) => {
  await loginAs(page, 'demo-sales');
  await page.goto('/ui/leads');
  await expect(page.getByRole('button', { name: 'Account menu' })).toBeVisible();
  // The Keycloak session ends (as an idle timeout or an administrator would end it) and the access token runs out:
  // the app must not keep the user in, and Keycloak must not sign them in silently.
  await endSessionsOf(page.request, 'demo-sales');
  await page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'))!;
    const user = JSON.parse(sessionStorage.getItem(key)!);
    user.expires_at = Math.floor(Date.now() / 1000) - 1;
    sessionStorage.setItem(key, JSON.stringify(user));
  });
  await page.reload();
  await expectKeycloakLoginPage(page);
});

import { expect, type APIRequestContext } from '@playwright/test';
import { keycloakUrl } from './login';

/** The local Keycloak's bootstrap administrator: a development-only credential (scripts/local-services.sh). */
async function adminToken(request: APIRequestContext): Promise<string> {
  const response = await request.post(`${keycloakUrl}/realms/master/protocol/openid-connect/token`, {
    form: { grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: 'dev-only-keycloak-admin' },
  });
  expect(response.ok(), await response.text()).toBeTruthy();
  return (await response.json()).access_token as string;
}

/** Ends every Keycloak session of a realm user, as an administrator or a session timeout would. */
export async function endSessionsOf(request: APIRequestContext, username: string): Promise<void> {
  const headers = { Authorization: `Bearer ${await adminToken(request)}` };
  const users = await request.get(`${keycloakUrl}/admin/realms/vettify/users`, { headers, params: { username, exact: 'true' } });
  expect(users.ok(), await users.text()).toBeTruthy();
  const [user] = (await users.json()) as { id: string }[];
  expect(user, `user ${username}`).toBeTruthy();
  const sessions = await request.get(`${keycloakUrl}/admin/realms/vettify/users/${user.id}/sessions`, { headers });
  expect(((await sessions.json()) as unknown[]).length, 'an active session to end').toBeGreaterThan(0);
  const logout = await request.post(`${keycloakUrl}/admin/realms/vettify/users/${user.id}/logout`, { headers });
  expect(logout.status(), await logout.text()).toBe(204);
}

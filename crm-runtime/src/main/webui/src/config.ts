export interface UiConfig {
  oidc: { authority: string; clientId: string };
  apiBase: string;
}

/** The runtime's /ui/config.json: where to log in and where the API is. */
export async function loadConfig(): Promise<UiConfig> {
  const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
  return response.json();
}

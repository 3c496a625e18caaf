import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { configureApi } from '../api/client';
import type { UiConfig } from '../config';

export interface Auth {
  name: string;
  scopes: string[];
  can: (scope: string) => boolean;
  signOut: () => void;
}

const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** For tests and for a Shell that already holds a session. */
export function StaticAuthProvider({ auth, children }: { auth: Auth; children: ReactNode }) {
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

const REAUTH_KEY = 'vettify.reauth-at';
const SCOPES = 'openid profile crm/read crm/write crm/campaigns crm/admin';

function userManager(config: UiConfig): UserManager {
  const home = `${window.location.origin}${import.meta.env.BASE_URL}`;
  return new UserManager({
    authority: config.oidc.authority,
    client_id: config.oidc.clientId,
    redirect_uri: home,
    post_logout_redirect_uri: home,
    response_type: 'code',
    scope: SCOPES,
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

function grantedScopes(user: User): string[] {
  try {
    const payload = JSON.parse(atob(user.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    if (typeof payload.scope === 'string') return payload.scope.split(' ');
  } catch {
    // fall back to the token response's scope
  }
  return user.scopes;
}

/**
 * Authorization code + PKCE against the configured authority. Without a session the browser goes to the login page;
 * when the session ends (refresh fails, the API answers 401) the session is dropped and the login page comes back.
 */
export function AuthProvider({ config, children }: { config: UiConfig; children: ReactNode }) {
  const manager = useMemo(() => userManager(config), [config]);
  const [user, setUser] = useState<User | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const endSession = () => {
      void manager.removeUser().then(() => manager.signinRedirect({ state: currentPath() }));
    };
    manager.events.addSilentRenewError(endSession);
    manager.events.addAccessTokenExpired(endSession);
    manager.events.addUserLoaded(setUser);
    (async () => {
      const params = new URLSearchParams(window.location.search);
      if (params.has('code') && params.has('state')) {
        const signedIn = await manager.signinRedirectCallback();
        const back = typeof signedIn.state === 'string' ? signedIn.state : import.meta.env.BASE_URL;
        window.history.replaceState(null, '', back);
        setUser(signedIn);
        return;
      }
      const stored = await manager.getUser();
      if (stored && !stored.expired) {
        setUser(stored);
      } else {
        await manager.removeUser();
        await manager.signinRedirect({ state: currentPath() });
      }
    })().catch((e) => setError(String(e)));
    return () => {
      manager.events.removeSilentRenewError(endSession);
      manager.events.removeAccessTokenExpired(endSession);
      manager.events.removeUserLoaded(setUser);
    };
  }, [manager]);

  const auth = useMemo<Auth | null>(() => {
    // Configured while rendering, so the pages' first queries already carry the token.
    configureApi({
      apiBase: config.apiBase,
      token: () => user?.access_token,
      onUnauthorized: () => {
        // A fresh login the API refuses at once (e.g. a wrong audience) must not bounce between the two forever.
        const last = Number(sessionStorage.getItem(REAUTH_KEY) ?? 0);
        if (Date.now() - last < 60_000) {
          setError('the API refused the new session (401)');
          return;
        }
        sessionStorage.setItem(REAUTH_KEY, String(Date.now()));
        void manager.removeUser().then(() => manager.signinRedirect({ state: currentPath() }));
      },
    });
    if (!user) return null;
    const scopes = grantedScopes(user);
    return {
      name: (user.profile.name as string) ?? user.profile.preferred_username ?? user.profile.sub,
      scopes,
      can: (scope) => scopes.includes(scope),
      signOut: () => void manager.removeUser().then(() => manager.signoutRedirect({ id_token_hint: user.id_token })),
    };
  }, [user, manager, config]);

  if (error) return <p role="alert">Sign-in failed: {error}</p>;
  if (!auth) return <p aria-busy="true">Signing in…</p>;
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

function currentPath() {
  return window.location.pathname + window.location.search;
}

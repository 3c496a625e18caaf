import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { QueryClient } from '@tanstack/react-query';
import { Providers } from '../providers';
import { StaticAuthProvider } from '../auth/auth';
import { vi } from 'vitest';

/** Shows the current URL so a test can assert what the page put into it. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

export function renderPage(page: ReactElement, { route = '/', path = '*', scopes = ['crm/read', 'crm/write'] } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const auth = { name: 'Test User', scopes, can: (s: string) => scopes.includes(s), signOut: () => {} };
  return render(
    <Providers client={client}>
      <StaticAuthProvider auth={auth}>
        <MemoryRouter initialEntries={[route]}>
          <Routes>
            <Route path={path} element={page} />
          </Routes>
          <LocationProbe />
        </MemoryRouter>
      </StaticAuthProvider>
    </Providers>,
  );
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

/** Replaces fetch with `handler`; returns the mock to inspect the calls. */
export function mockFetch(handler: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const mock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => Promise.resolve(handler(String(input), init)));
  vi.stubGlobal('fetch', mock);
  return mock;
}

import { useQuery } from '@tanstack/react-query';
import { api } from './api/client';
import type { NavItem } from './api/types';
import { useAuth } from './auth/auth';

/** The same manifest the runtime serves at /v1/admin/nav; used when that call fails. */
export const STATIC_NAV: NavItem[] = [
  { path: '/', labelKey: 'nav.dashboard', scope: 'crm/read' },
  { path: '/leads', labelKey: 'nav.leads', scope: 'crm/read' },
  { path: '/opportunities', labelKey: 'nav.opportunities', scope: 'crm/read' },
  { path: '/accounts', labelKey: 'nav.accounts', scope: 'crm/read' },
  { path: '/campaigns', labelKey: 'nav.campaigns', scope: 'crm/read' },
];

export function useNav(): NavItem[] {
  const auth = useAuth();
  const manifest = useQuery({
    queryKey: ['nav'],
    queryFn: () => api<{ items: NavItem[] }>('/admin/nav'),
    staleTime: Infinity,
    retry: false,
    meta: { silent: true },
  });
  return manifest.data?.items ?? STATIC_NAV.filter((item) => auth.can(item.scope));
}

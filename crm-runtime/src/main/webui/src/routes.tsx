import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { AppShell } from './shell/AppShell';

const Dashboard = lazy(() => import('./pages/Dashboard'));
const LeadsPage = lazy(() => import('./pages/leads/LeadsPage'));
const LeadEditPage = lazy(() => import('./pages/leads/LeadEditPage'));
const LeadDetailPage = lazy(() => import('./pages/leads/LeadDetailPage'));
const OpportunitiesPage = lazy(() => import('./pages/opportunities/OpportunitiesPage'));
const AccountsPage = lazy(() => import('./pages/accounts/AccountsPage'));
const AccountDetailPage = lazy(() => import('./pages/accounts/AccountDetailPage'));
const CampaignsPage = lazy(() => import('./pages/campaigns/CampaignsPage'));
const CampaignCreatePage = lazy(() => import('./pages/campaigns/CampaignCreatePage'));
const CampaignDetailPage = lazy(() => import('./pages/campaigns/CampaignDetailPage'));

/** Every route is its own chunk. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<Dashboard />} />
        <Route path="leads" element={<LeadsPage />} />
        <Route path="leads/new" element={<LeadEditPage />} />
        <Route path="leads/:id" element={<LeadDetailPage />} />
        <Route path="leads/:id/edit" element={<LeadEditPage />} />
        <Route path="opportunities" element={<OpportunitiesPage />} />
        <Route path="accounts" element={<AccountsPage />} />
        <Route path="accounts/:id" element={<AccountDetailPage />} />
        <Route path="campaigns" element={<CampaignsPage />} />
        <Route path="campaigns/new" element={<CampaignCreatePage />} />
        <Route path="campaigns/:id" element={<CampaignDetailPage />} />
      </Route>
    </Routes>
  );
}

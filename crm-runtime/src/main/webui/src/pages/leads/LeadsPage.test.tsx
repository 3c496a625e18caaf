import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderPage } from '../../test/render';
import LeadsPage from './LeadsPage';

const lead = (n: number) => ({
  id: `00000000-0000-0000-0000-00000000000${n}`, email: `lead${n}@example.ro`, firstName: null, lastName: `Pop ${n}`,
  company: 'Alfa SRL', cui: null, source: 'WEB', status: 'NEW', score: 10 * n, marketingConsent: false,
  whid: null, createdAt: '2026-11-01T10:00:00Z', version: 0, convertedAccountId: null, convertedOpportunityId: null,
});

function leadsApi() {
  return mockFetch((url) => {
    const cursor = new URL(url, 'http://x').searchParams.get('cursor');
    return json({ items: cursor ? [lead(3)] : [lead(1), lead(2)], nextCursor: cursor ? null : 'c2', total: 3 });
  });
}

const location = () => screen.getByTestId('location').textContent!;
const listCalls = (fetch: ReturnType<typeof leadsApi>) =>
  fetch.mock.calls.map(([url]) => new URL(String(url), 'http://x').searchParams);

describe('LeadsPage', () => {
  it('reads its filters, sort and page from the URL', async () => {
    const fetch = leadsApi();
    renderPage(<LeadsPage />, { route: '/leads?status=NEW&source=WEB&sort=-score&q=alfa' });
    expect(await screen.findByText('lead1@example.ro')).toBeInTheDocument();
    const query = listCalls(fetch)[0];
    expect(Object.fromEntries(query)).toMatchObject({ status: 'NEW', source: 'WEB', sort: '-score', q: 'alfa', count: 'true' });
    expect(screen.getByLabelText('Search')).toHaveValue('alfa');
  });

  it('searches 300 ms after the last key, one request for the whole word, and keeps it in the URL', async () => {
    const fetch = leadsApi();
    renderPage(<LeadsPage />, { route: '/leads?status=NEW' });
    await screen.findByText('lead1@example.ro');
    await userEvent.type(screen.getByLabelText('Search'), 'carp');
    await waitFor(() => expect(location()).toBe('/leads?status=NEW&q=carp'));
    await waitFor(() => expect(listCalls(fetch).some((q) => q.get('q') === 'carp')).toBe(true));
    expect(listCalls(fetch).filter((q) => q.has('q')).map((q) => q.get('q'))).toEqual(['carp']);
  });

  it('puts sort and the next page cursor into the URL, and a filter change starts from the first page', async () => {
    const fetch = leadsApi();
    renderPage(<LeadsPage />, { route: '/leads' });
    await screen.findByText('lead1@example.ro');
    await userEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() => expect(location()).toBe('/leads?sort=-score'));

    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(location()).toBe('/leads?sort=-score&cursor=c2'));
    expect(await screen.findByText('lead3@example.ro')).toBeInTheDocument();
    expect(listCalls(fetch).at(-1)!.get('cursor')).toBe('c2');

    await userEvent.click(screen.getByRole('combobox', { name: 'Status' }));
    await userEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'QUALIFIED' }));
    await waitFor(() => expect(location()).toBe('/leads?sort=-score&status=QUALIFIED'));
  });

  it('hides write actions without crm/write', async () => {
    leadsApi();
    renderPage(<LeadsPage />, { route: '/leads', scopes: ['crm/read'] });
    await screen.findByText('lead1@example.ro');
    expect(screen.queryByRole('link', { name: 'New lead' })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });
});

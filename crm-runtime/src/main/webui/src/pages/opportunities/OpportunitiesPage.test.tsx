import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, renderPage } from '../../test/render';
import OpportunitiesPage from './OpportunitiesPage';

const opportunity = (id: string, name: string, amount: number) => ({
  id, name, accountId: 'a1', contactId: null, amount, currency: 'RON', stage: 'PROSPECTING', expectedCloseDate: null, version: 3,
});

function deferred() {
  let resolve!: (r: Response) => void;
  const promise = new Promise<Response>((r) => (resolve = r));
  return { promise, resolve };
}

const column = (name: string) => screen.getByRole('region', { name });

describe('OpportunitiesPage', () => {
  it('moves a card at once and puts it back when the API refuses the stage change', async () => {
    const answer = deferred();
    const fetch = mockFetch((_url, init) => {
      if (init?.method === 'POST') return answer.promise;
      return json({ items: [opportunity('o1', 'Carpați licences', 1200), opportunity('o2', 'Delta fleet', 800)], nextCursor: null });
    });
    renderPage(<OpportunitiesPage />);
    await screen.findByText('Carpați licences');
    expect(within(column('Prospecting')).getByTestId('column-summary')).toHaveTextContent('Count 2');

    await userEvent.selectOptions(screen.getByLabelText('Move Carpați licences to stage'), 'PROPOSAL');

    // optimistic: in Proposal before the API answered
    expect(within(column('Proposal')).getByText('Carpați licences')).toBeInTheDocument();
    expect(within(column('Proposal')).getByTestId('column-summary')).toHaveTextContent('Count 1');
    expect(within(column('Prospecting')).getByTestId('column-summary')).toHaveTextContent('Count 1');
    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(String(post[0])).toBe('/v1/crm/opportunities/o1/stage');
    expect(JSON.parse(String(post[1]!.body))).toEqual({ stage: 'PROPOSAL', version: 3 });

    answer.resolve(json({ status: 409, title: 'Conflict', detail: 'the opportunity was changed by someone else' }, 409));

    await waitFor(() => expect(within(column('Prospecting')).getByText('Carpați licences')).toBeInTheDocument());
    expect(within(column('Proposal')).queryByText('Carpați licences')).not.toBeInTheDocument();
    expect(within(column('Prospecting')).getByTestId('column-summary')).toHaveTextContent('Count 2');
    expect(await screen.findByText(/The stage change was refused: the opportunity was changed by someone else/)).toBeInTheDocument();
  });

  it('keeps the move when the API accepts it, with count and total per column', async () => {
    mockFetch((_url, init) => {
      if (init?.method === 'POST') return json({ ...opportunity('o1', 'Carpați licences', 1200), stage: 'NEGOTIATION', version: 4 });
      return json({ items: [opportunity('o1', 'Carpați licences', 1200), opportunity('o2', 'Delta fleet', 800)], nextCursor: null });
    });
    renderPage(<OpportunitiesPage />);
    await screen.findByText('Carpați licences');
    expect(within(column('Prospecting')).getByTestId('column-summary')).toHaveTextContent(/Count 2 · RON\s2,000\.00/);
    await userEvent.selectOptions(screen.getByLabelText('Move Carpați licences to stage'), 'NEGOTIATION');
    expect(await screen.findByText('Stage changed')).toBeInTheDocument();
    expect(within(column('Negotiation')).getByText('Carpați licences')).toBeInTheDocument();
    expect(within(column('Negotiation')).getByTestId('column-summary')).toHaveTextContent(/Count 1 · RON\s1,200\.00/);
  });
});

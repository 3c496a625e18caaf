import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { renderPage } from '../../test/render';
import { LeadForm } from './LeadForm';
import { isFiscalCode } from './leadSchema';

describe('LeadForm', () => {
  it('checks fields as the API does before sending anything', async () => {
    const submit = vi.fn().mockResolvedValue(undefined);
    renderPage(<LeadForm onSubmit={submit} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText(/Email/), 'not-an-email');
    await userEvent.type(screen.getByLabelText('Fiscal code (CUI)'), 'RO14399841');
    await userEvent.type(screen.getByLabelText('Warehouse'), 'Cluj Nord');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Enter a valid email address')).toBeInTheDocument();
    expect(screen.getByLabelText('Fiscal code (CUI)')).toHaveAccessibleDescription('Not a valid Romanian fiscal code');
    expect(screen.getByLabelText('Warehouse')).toHaveAccessibleDescription('Lower-case letters, digits and -');
    expect(submit).not.toHaveBeenCalled();
  });

  it('sends a valid lead', async () => {
    const submit = vi.fn().mockResolvedValue(undefined);
    renderPage(<LeadForm onSubmit={submit} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText(/Email/), 'ioana@carpati.example');
    await userEvent.type(screen.getByLabelText('Fiscal code (CUI)'), 'RO14399840');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(submit.mock.calls[0][0]).toMatchObject({ email: 'ioana@carpati.example', cui: 'RO14399840', status: 'NEW' });
  });

  it("shows the API's field errors next to their fields", async () => {
    const submit = vi.fn().mockRejectedValue(
      new ApiError({
        status: 422,
        title: 'Invalid request',
        detail: 'the request has invalid fields',
        errors: [
          { field: 'email', message: 'a lead with this email already exists' },
          { field: 'company', message: 'size must be between 0 and 200' },
        ],
      }),
    );
    renderPage(<LeadForm onSubmit={submit} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText(/Email/), 'taken@carpati.example');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByLabelText(/Email/)).toHaveAccessibleDescription('a lead with this email already exists'));
    expect(screen.getByLabelText('Company')).toHaveAccessibleDescription('size must be between 0 and 200');
    expect(screen.getByLabelText(/Email/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows a problem without field errors above the form', async () => {
    const submit = vi.fn().mockRejectedValue(new ApiError({ status: 409, title: 'Conflict', detail: 'the lead was changed by someone else' }));
    renderPage(<LeadForm onSubmit={submit} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText(/Email/), 'a@b.example');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('the lead was changed by someone else');
  });
});

describe('isFiscalCode', () => {
  it('accepts codes with a correct check digit only', () => {
    expect(isFiscalCode('RO14399840')).toBe(true);
    expect(isFiscalCode('14399840')).toBe(true);
    expect(isFiscalCode('14399841')).toBe(false);
    expect(isFiscalCode('RO0123')).toBe(false);
  });
});

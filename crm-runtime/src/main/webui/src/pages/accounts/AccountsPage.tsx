import { useEffect, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Link, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { api } from '../../api/client';
import type { Account, Page } from '../../api/types';
import { useT } from '../../i18n';
import { useDebounced } from '../leads/LeadsPage';
import { ComplianceChip } from './ComplianceChip';

export default function AccountsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const debounced = useDebounced(search, 300);
  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced) setParams(debounced ? { q: debounced } : {}, { replace: true });
  }, [debounced, params, setParams]);
  const query = new URLSearchParams({ limit: '25', sort: 'name' });
  for (const key of ['q', 'cursor']) if (params.get(key)) query.set(key, params.get(key)!);
  const path = `/crm/accounts?${query}`;
  const accounts = useQuery({ queryKey: ['accounts', path], queryFn: () => api<Page<Account>>(path), placeholderData: keepPreviousData });
  const items = accounts.data?.items ?? [];
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        {t('nav.accounts')}
      </Typography>
      <TextField label={t('common.search')} type="search" value={search} onChange={(e) => setSearch(e.target.value)} size="small" sx={{ maxWidth: 320 }} />
      <TableContainer component={Paper}>
        <Table size="small" aria-label={t('nav.accounts')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('accounts.name')}</TableCell>
              <TableCell>{t('leads.cui')}</TableCell>
              <TableCell>{t('accounts.industry')}</TableCell>
              <TableCell>{t('accounts.compliance')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((a) => (
              <TableRow key={a.id} hover>
                <TableCell>
                  <Link component={RouterLink} to={`/accounts/${a.id}`}>
                    {a.name}
                  </Link>
                </TableCell>
                <TableCell>{a.cui}</TableCell>
                <TableCell>{a.industry}</TableCell>
                <TableCell>
                  <ComplianceChip status={a.complianceStatus} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Stack direction="row" spacing={2}>
        <Button onClick={() => setParams(params.get('q') ? { q: params.get('q')! } : {})} disabled={!params.get('cursor')}>
          {t('common.firstPage')}
        </Button>
        <Button
          onClick={() => setParams({ ...(params.get('q') ? { q: params.get('q')! } : {}), cursor: accounts.data!.nextCursor! })}
          disabled={!accounts.data?.nextCursor}
        >
          {t('common.nextPage')}
        </Button>
      </Stack>
    </Stack>
  );
}

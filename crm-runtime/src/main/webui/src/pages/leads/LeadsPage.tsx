import { useEffect, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button, Checkbox, Link, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow,
  TableSortLabel, TextField, Typography,
} from '@mui/material';
import { api } from '../../api/client';
import { LEAD_SOURCES, LEAD_STATUSES, type Lead, type Page } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { useT } from '../../i18n';
import { useToasts } from '../../toasts';

const SORTS = [
  { value: '-createdAt', label: 'sort.createdDesc' },
  { value: 'createdAt', label: 'sort.createdAsc' },
  { value: '-score', label: 'sort.scoreDesc' },
  { value: 'email', label: 'sort.email' },
];

/** Waits until `value` has been still for `ms` (search as you type without a request per key). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function leadsQuery(params: URLSearchParams): string {
  const query = new URLSearchParams();
  for (const key of ['q', 'status', 'source', 'sort', 'cursor']) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  query.set('limit', '25');
  query.set('count', 'true');
  return `/crm/leads?${query}`;
}

/** The leads grid: search, filters, sort and page cursor live in the URL, so a view can be shared and reloaded. */
export default function LeadsPage() {
  const t = useT();
  const auth = useAuth();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const debounced = useDebounced(search, 300);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const canWrite = auth.can('crm/write');

  const update = (changes: Record<string, string | null>, replace = false) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('cursor' in changes)) next.delete('cursor');
        return next;
      },
      { replace },
    );
    setSelected(new Set());
  };

  useEffect(() => {
    // Only a settled search changes the URL (replacing the entry: one history step per search, not per key).
    if ((params.get('q') ?? '') !== debounced) update({ q: debounced || null }, true);
  }, [debounced]);

  const path = leadsQuery(params);
  const leads = useQuery({ queryKey: ['leads', path], queryFn: () => api<Page<Lead>>(path), placeholderData: keepPreviousData });
  const items = leads.data?.items ?? [];
  const sort = params.get('sort') ?? '-createdAt';

  const bulk = useMutation({
    mutationFn: async (action: 'qualify' | 'delete') => {
      const ids = [...selected];
      const outcomes = await Promise.allSettled(
        ids.map((id) => (action === 'qualify' ? api(`/crm/leads/${id}/qualify`, { method: 'POST' }) : api(`/crm/leads/${id}`, { method: 'DELETE' }))),
      );
      const failed = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[];
      if (failed.length) throw new Error(`${failed.length}/${ids.length}: ${failed[0].reason.message}`);
    },
    onSuccess: () => toasts.success(t('leads.saved')),
    onSettled: () => {
      setSelected(new Set());
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
    },
  });

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const sortBy = (key: string) => update({ sort: sort === `-${key}` ? key : `-${key}` });

  return (
    <Stack spacing={2}>
      <Stack sx={{ justifyContent: 'space-between', alignItems: 'center' }} direction="row">
        <Typography variant="h4" component="h1">
          {t('nav.leads')}
        </Typography>
        {canWrite && (
          <Button variant="contained" component={RouterLink} to="/leads/new">
            {t('leads.new')}
          </Button>
        )}
      </Stack>
      <Stack sx={{ flexWrap: 'wrap' }} direction="row" spacing={2} useFlexGap>
        <TextField label={t('common.search')} type="search" value={search} onChange={(e) => setSearch(e.target.value)} size="small" />
        <TextField select label={t('common.status')} value={params.get('status') ?? ''} onChange={(e) => update({ status: e.target.value || null })} size="small" sx={{ minWidth: 160 }}>
          <MenuItem value="">{t('common.all')}</MenuItem>
          {LEAD_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {s}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label={t('common.source')} value={params.get('source') ?? ''} onChange={(e) => update({ source: e.target.value || null })} size="small" sx={{ minWidth: 160 }}>
          <MenuItem value="">{t('common.all')}</MenuItem>
          {LEAD_SOURCES.map((s) => (
            <MenuItem key={s} value={s}>
              {s}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label={t('common.sort')} value={sort} onChange={(e) => update({ sort: e.target.value })} size="small" sx={{ minWidth: 160 }}>
          {SORTS.map((s) => (
            <MenuItem key={s.value} value={s.value}>
              {t(s.label)}
            </MenuItem>
          ))}
        </TextField>
        {leads.data?.total !== undefined && <Typography sx={{ alignSelf: 'center' }}>{t('common.total')}: {leads.data.total}</Typography>}
      </Stack>
      {canWrite && selected.size > 0 && (
        <Stack sx={{ alignItems: 'center' }} direction="row" spacing={2} role="toolbar" aria-label={t('leads.selected', { n: selected.size })}>
          <Typography>{t('leads.selected', { n: selected.size })}</Typography>
          <Button variant="outlined" onClick={() => bulk.mutate('qualify')} disabled={bulk.isPending}>
            {t('leads.bulkQualify')}
          </Button>
          <Button variant="outlined" color="error" onClick={() => bulk.mutate('delete')} disabled={bulk.isPending}>
            {t('leads.bulkDelete')}
          </Button>
        </Stack>
      )}
      <TableContainer component={Paper}>
        <Table size="small" aria-label={t('leads.grid')}>
          <TableHead>
            <TableRow>
              {canWrite && (
                <TableCell padding="checkbox">
                  <Checkbox
                    slotProps={{ input: { 'aria-label': t('leads.selectAll') } }}
                    checked={items.length > 0 && selected.size === items.length}
                    onChange={(e) => setSelected(e.target.checked ? new Set(items.map((l) => l.id)) : new Set())}
                  />
                </TableCell>
              )}
              <TableCell sortDirection={sort.endsWith('email') ? (sort.startsWith('-') ? 'desc' : 'asc') : false}>
                <TableSortLabel active={sort.endsWith('email')} direction={sort === '-email' ? 'desc' : 'asc'} onClick={() => update({ sort: sort === 'email' ? '-email' : 'email' })}>
                  {t('leads.email')}
                </TableSortLabel>
              </TableCell>
              <TableCell>{t('leads.name')}</TableCell>
              <TableCell>{t('leads.company')}</TableCell>
              <TableCell>{t('common.status')}</TableCell>
              <TableCell sortDirection={sort.endsWith('score') ? (sort.startsWith('-') ? 'desc' : 'asc') : false}>
                <TableSortLabel active={sort.endsWith('score')} direction={sort === '-score' ? 'desc' : 'asc'} onClick={() => sortBy('score')}>
                  {t('leads.score')}
                </TableSortLabel>
              </TableCell>
              <TableCell sortDirection={sort.endsWith('createdAt') ? (sort.startsWith('-') ? 'desc' : 'asc') : false}>
                <TableSortLabel active={sort.endsWith('createdAt')} direction={sort === '-createdAt' ? 'desc' : 'asc'} onClick={() => sortBy('createdAt')}>
                  {t('leads.created')}
                </TableSortLabel>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((lead) => (
              <TableRow key={lead.id} hover selected={selected.has(lead.id)}>
                {canWrite && (
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={selected.has(lead.id)}
                      onChange={() => toggle(lead.id)}
                      slotProps={{ input: { 'aria-label': t('leads.select', { email: lead.email }) } }}
                    />
                  </TableCell>
                )}
                <TableCell>
                  <Link component={RouterLink} to={`/leads/${lead.id}`}>
                    {lead.email}
                  </Link>
                </TableCell>
                <TableCell>{[lead.firstName, lead.lastName].filter(Boolean).join(' ')}</TableCell>
                <TableCell>{lead.company}</TableCell>
                <TableCell>{lead.status}</TableCell>
                <TableCell>{lead.score}</TableCell>
                <TableCell>{new Date(lead.createdAt).toLocaleDateString()}</TableCell>
              </TableRow>
            ))}
            {leads.isSuccess && items.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>{t('common.noRows')}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <Stack direction="row" spacing={2}>
        <Button onClick={() => update({ cursor: null })} disabled={!params.get('cursor')}>
          {t('common.firstPage')}
        </Button>
        <Button onClick={() => update({ cursor: leads.data?.nextCursor ?? null })} disabled={!leads.data?.nextCursor}>
          {t('common.nextPage')}
        </Button>
      </Stack>
    </Stack>
  );
}

import { Link as RouterLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Link, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { api } from '../../api/client';
import type { Campaign, Page } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { useT } from '../../i18n';

export default function CampaignsPage() {
  const t = useT();
  const auth = useAuth();
  const campaigns = useQuery({ queryKey: ['campaigns', 'list'], queryFn: () => api<Page<Campaign>>('/crm/campaigns?limit=100&sort=-createdAt') });
  return (
    <Stack spacing={2}>
      <Stack sx={{ justifyContent: 'space-between', alignItems: 'center' }} direction="row">
        <Typography variant="h4" component="h1">
          {t('nav.campaigns')}
        </Typography>
        {auth.can('crm/campaigns') && (
          <Button variant="contained" component={RouterLink} to="/campaigns/new">
            {t('campaigns.new')}
          </Button>
        )}
      </Stack>
      <TableContainer component={Paper}>
        <Table size="small" aria-label={t('nav.campaigns')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('campaigns.name')}</TableCell>
              <TableCell>{t('common.status')}</TableCell>
              <TableCell align="right">{t('campaigns.recipients')}</TableCell>
              <TableCell align="right">{t('campaigns.delivered')}</TableCell>
              <TableCell align="right">{t('campaigns.opened')}</TableCell>
              <TableCell align="right">{t('campaigns.clicked')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(campaigns.data?.items ?? []).map((c) => (
              <TableRow key={c.id} hover>
                <TableCell>
                  <Link component={RouterLink} to={`/campaigns/${c.id}`}>
                    {c.name}
                  </Link>
                </TableCell>
                <TableCell>{c.status}</TableCell>
                <TableCell align="right">{c.metrics.recipients}</TableCell>
                <TableCell align="right">{c.metrics.delivered}</TableCell>
                <TableCell align="right">{c.metrics.opened}</TableCell>
                <TableCell align="right">{c.metrics.clicked}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}

import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, CardContent, CircularProgress, Grid, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { api } from '../../api/client';
import type { Account, Contact, Opportunity, Page, TimelineEntry } from '../../api/types';
import { useI18n } from '../../i18n';
import { formatTotals } from '../../format';
import { ComplianceChip } from './ComplianceChip';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card component="section" aria-label={title} sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

/** The account's 360 view: compliance (CUI verification), contacts, opportunities and the timeline. */
export default function AccountDetailPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const account = useQuery({ queryKey: ['account', id], queryFn: () => api<Account>(`/crm/accounts/${id}`), refetchInterval: (q) => (q.state.data?.complianceStatus === 'PENDING' ? 5000 : false) });
  const contacts = useQuery({ queryKey: ['contacts', id], queryFn: () => api<Page<Contact>>(`/crm/contacts?accountId=${id}&limit=50`) });
  const opportunities = useQuery({ queryKey: ['opportunities', 'account', id], queryFn: () => api<Page<Opportunity>>(`/crm/opportunities?accountId=${id}&limit=50`) });
  const timeline = useQuery({ queryKey: ['timeline', id], queryFn: () => api<Page<TimelineEntry>>(`/crm/accounts/${id}/timeline?limit=50`) });
  if (!account.data) return <CircularProgress aria-label={t('common.loading')} />;
  const a = account.data;
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        {a.name}
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t('accounts.compliance')}>
            <Stack spacing={1} sx={{ mt: 1 }}>
              <Stack sx={{ alignItems: 'center' }} direction="row" spacing={1}>
                <Typography>{a.cui ?? '—'}</Typography>
                <ComplianceChip status={a.complianceStatus} />
              </Stack>
              <Typography>
                {t('accounts.officialName')}: {a.officialName ?? '—'}
              </Typography>
              <Typography>
                {t('accounts.employees')}: {a.employees ?? '—'}
              </Typography>
              <Typography>
                {t('accounts.industry')}: {a.industry ?? '—'}
              </Typography>
            </Stack>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t('accounts.contacts')}>
            <List dense>
              {(contacts.data?.items ?? []).map((c) => (
                <ListItem key={c.id}>
                  <ListItemText primary={[c.firstName, c.lastName].filter(Boolean).join(' ') || c.email} secondary={[c.email, c.phone, c.title].filter(Boolean).join(' · ')} />
                </ListItem>
              ))}
            </List>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t('accounts.opportunities')}>
            <List dense>
              {(opportunities.data?.items ?? []).map((o) => (
                <ListItem key={o.id}>
                  <ListItemText primary={o.name} secondary={`${t(`stage.${o.stage}`)} · ${formatTotals([o], lang)}`} />
                </ListItem>
              ))}
            </List>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Section title={t('accounts.timeline')}>
            <List dense>
              {(timeline.data?.items ?? []).map((e) => (
                <ListItem key={e.id}>
                  <ListItemText primary={e.summary} secondary={`${new Date(e.occurredAt).toLocaleString(lang)} · ${e.kind}`} />
                </ListItem>
              ))}
            </List>
          </Section>
        </Grid>
      </Grid>
    </Stack>
  );
}

import { useQueries, useQuery } from '@tanstack/react-query';
import { Card, CardContent, Chip, Grid, Stack, Typography } from '@mui/material';
import { allPages, api } from '../api/client';
import { LEAD_STATUSES, STAGES, type Campaign, type Opportunity, type Page } from '../api/types';
import { useI18n } from '../i18n';
import { formatTotals } from '../format';

async function health(): Promise<{ status: string }> {
  const response = await fetch('/q/health', { headers: { Accept: 'application/json' } });
  return response.json();
}

function Kpi({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card component="section" aria-label={title} sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
}

export default function Dashboard() {
  const { t, lang } = useI18n();
  const leadCounts = useQueries({
    queries: LEAD_STATUSES.map((status) => ({
      queryKey: ['leads', 'count', status],
      queryFn: () => api<Page<unknown>>(`/crm/leads?status=${status}&limit=1&count=true`),
    })),
  });
  const pipeline = useQuery({ queryKey: ['opportunities', 'all'], queryFn: () => allPages<Opportunity>('/crm/opportunities') });
  const campaigns = useQuery({ queryKey: ['campaigns', 'all'], queryFn: () => allPages<Campaign>('/crm/campaigns', 400) });
  const status = useQuery({ queryKey: ['health'], queryFn: health, refetchInterval: 30_000, meta: { silent: true } });

  const results = (campaigns.data?.items ?? []).reduce(
    (sum, c) => ({
      sent: sum.sent + c.metrics.sent,
      delivered: sum.delivered + c.metrics.delivered,
      opened: sum.opened + c.metrics.opened,
      clicked: sum.clicked + c.metrics.clicked,
    }),
    { sent: 0, delivered: 0, opened: 0, clicked: 0 },
  );
  const up = status.data?.status === 'UP';

  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        {t('nav.dashboard')}
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Kpi title={t('dashboard.leadsByStatus')}>
            <dl style={{ margin: 0 }}>
              {LEAD_STATUSES.map((s, i) => (
                <Stack sx={{ justifyContent: 'space-between' }} key={s} direction="row">
                  <dt>{s}</dt>
                  <dd style={{ margin: 0 }}>{leadCounts[i].data?.total ?? '…'}</dd>
                </Stack>
              ))}
            </dl>
          </Kpi>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Kpi title={t('dashboard.pipeline')}>
            <dl style={{ margin: 0 }}>
              {STAGES.map((stage) => (
                <Stack sx={{ justifyContent: 'space-between' }} key={stage} direction="row">
                  <dt>{t(`stage.${stage}`)}</dt>
                  <dd style={{ margin: 0 }}>
                    {pipeline.data ? formatTotals(pipeline.data.items.filter((o) => o.stage === stage), lang) : '…'}
                  </dd>
                </Stack>
              ))}
            </dl>
            {pipeline.data && !pipeline.data.complete && (
              <Typography variant="caption">{t('dashboard.partial', { n: pipeline.data.items.length })}</Typography>
            )}
          </Kpi>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Kpi title={t('dashboard.campaigns')}>
            <dl style={{ margin: 0 }}>
              {(['sent', 'delivered', 'opened', 'clicked'] as const).map((key) => (
                <Stack sx={{ justifyContent: 'space-between' }} key={key} direction="row">
                  <dt>{t(key === 'sent' ? 'campaigns.sentCount' : `campaigns.${key}`)}</dt>
                  <dd style={{ margin: 0 }}>{campaigns.data ? results[key] : '…'}</dd>
                </Stack>
              ))}
            </dl>
          </Kpi>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Kpi title={t('dashboard.health')}>
            <Chip
              role="status"
              color={up ? 'success' : 'warning'}
              label={status.data ? (up ? t('dashboard.healthUp') : t('dashboard.healthDown')) : t('common.loading')}
            />
          </Kpi>
        </Grid>
      </Grid>
    </Stack>
  );
}

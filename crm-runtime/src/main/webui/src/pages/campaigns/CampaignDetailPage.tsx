import { useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, CardContent, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Grid, Stack, Typography } from '@mui/material';
import { api } from '../../api/client';
import type { Campaign } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { useT } from '../../i18n';
import { useToasts } from '../../toasts';

const METRICS = [
  ['recipients', 'campaigns.recipients'],
  ['sent', 'campaigns.sentCount'],
  ['delivered', 'campaigns.delivered'],
  ['bounced', 'campaigns.bounced'],
  ['opened', 'campaigns.opened'],
  ['clicked', 'campaigns.clicked'],
] as const;

/** A campaign's results (refreshed while it is sending) and, for a draft, Send behind a confirmation. */
export default function CampaignDetailPage() {
  const { id } = useParams();
  const t = useT();
  const auth = useAuth();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const campaign = useQuery({
    queryKey: ['campaign', id],
    queryFn: () => api<Campaign>(`/crm/campaigns/${id}`),
    refetchInterval: (q) => (q.state.data?.status === 'SENDING' ? 3000 : false),
  });
  const send = useMutation({
    mutationFn: () => api<Campaign>(`/crm/campaigns/${id}/send`, { method: 'POST', body: { confirm: true } }),
    onSuccess: (sent) => {
      queryClient.setQueryData(['campaign', id], sent);
      void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      toasts.success(t('campaigns.sent'));
    },
    onSettled: () => setConfirming(false),
  });
  if (!campaign.data) return <CircularProgress aria-label={t('common.loading')} />;
  const c = campaign.data;
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        {c.name}
      </Typography>
      <Typography>
        {t('campaigns.subject')}: {c.subject} · {t('common.status')}: {c.status}
      </Typography>
      {c.status === 'DRAFT' && auth.can('crm/campaigns') && (
        <Button variant="contained" onClick={() => setConfirming(true)} sx={{ alignSelf: 'start' }}>
          {t('campaigns.send')}
        </Button>
      )}
      <Typography variant="h5" component="h2">
        {t('campaigns.results')}
      </Typography>
      <Grid container spacing={2}>
        {METRICS.map(([key, label]) => (
          <Grid key={key} size={{ xs: 6, md: 2 }}>
            <Card>
              <CardContent>
                <Typography variant="body2">{t(label)}</Typography>
                <Typography variant="h5" component="p">
                  {c.metrics[key]}
                </Typography>
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="send-title">
        <DialogTitle id="send-title">{t('campaigns.send')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('campaigns.sendConfirm', { name: c.name })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
          <Button variant="contained" color="warning" onClick={() => send.mutate()} disabled={send.isPending}>
            {t('campaigns.send')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}

import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CircularProgress, Stack, Typography } from '@mui/material';
import { api } from '../../api/client';
import type { Lead } from '../../api/types';
import { useT } from '../../i18n';
import { useToasts } from '../../toasts';
import { LeadForm } from './LeadForm';
import { toRequest, type LeadFormValues } from './leadSchema';

function formValues(lead: Lead): LeadFormValues {
  return {
    email: lead.email,
    firstName: lead.firstName ?? '',
    lastName: lead.lastName ?? '',
    company: lead.company ?? '',
    cui: lead.cui ?? '',
    source: lead.source ?? '',
    status: lead.status === 'CONTACTED' || lead.status === 'DISQUALIFIED' ? lead.status : 'NEW',
    marketingConsent: lead.marketingConsent,
    whid: lead.whid ?? '',
  };
}

export default function LeadEditPage() {
  const { id } = useParams();
  const t = useT();
  const navigate = useNavigate();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const lead = useQuery({ queryKey: ['lead', id], queryFn: () => api<Lead>(`/crm/leads/${id}`), enabled: !!id });

  const save = async (values: LeadFormValues) => {
    const saved = id
      ? await api<Lead>(`/crm/leads/${id}`, { method: 'PUT', body: toRequest(values, lead.data?.version) })
      : await api<Lead>('/crm/leads', { method: 'POST', body: toRequest(values) });
    toasts.success(t('leads.saved'));
    await queryClient.invalidateQueries({ queryKey: ['leads'] });
    queryClient.setQueryData(['lead', saved.id], saved);
    navigate(`/leads/${saved.id}`);
  };

  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        {id ? t('leads.edit') : t('leads.new')}
      </Typography>
      {id && !lead.data ? (
        <CircularProgress aria-label={t('common.loading')} />
      ) : (
        <LeadForm initial={lead.data ? formValues(lead.data) : undefined} onSubmit={save} onCancel={() => navigate(-1)} />
      )}
    </Stack>
  );
}

import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert, Button, Card, CardContent, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Step,
  StepLabel, Stepper, TextField, Typography,
} from '@mui/material';
import { api, ApiError } from '../../api/client';
import type { Lead } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { useT } from '../../i18n';

interface ConversionResult {
  accountId: string;
  contactId: string;
  opportunityId: string;
}

/** Qualify (when the lead is not qualified yet), then convert with the opportunity's details. */
function ConvertWizard({ lead, onClose }: { lead: Lead; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const qualified = lead.status === 'QUALIFIED';
  const [step, setStep] = useState(qualified ? 1 : 0);
  const [name, setName] = useState(lead.company ? `${lead.company}` : lead.email);
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState('RON');
  const [closeDate, setCloseDate] = useState('');
  const [result, setResult] = useState<ConversionResult | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['lead', lead.id] }), queryClient.invalidateQueries({ queryKey: ['leads'] })]);

  const qualify = useMutation({
    mutationFn: () => api<Lead>(`/crm/leads/${lead.id}/qualify`, { method: 'POST' }),
    onSuccess: async () => {
      await refresh();
      setStep(1);
    },
  });
  const convert = useMutation({
    mutationFn: () =>
      api<ConversionResult>(`/crm/leads/${lead.id}/convert`, {
        method: 'POST',
        body: { opportunityName: name || null, amount: amount === '' ? null : Number(amount), currency: currency || null, expectedCloseDate: closeDate || null },
      }),
    meta: { silent: true },
    onSuccess: async (converted) => {
      setResult(converted);
      setStep(2);
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ['opportunities'] });
    },
    onError: (e) => {
      if (e instanceof ApiError) setFieldErrors(Object.fromEntries((e.problem.errors ?? []).map((fe) => [fe.field, fe.message])));
    },
  });

  return (
    <Dialog open onClose={onClose} aria-labelledby="convert-title" fullWidth maxWidth="sm">
      <DialogTitle id="convert-title">{t('convert.title')}</DialogTitle>
      <DialogContent>
        <Stepper activeStep={step} sx={{ mb: 3 }}>
          {['convert.stepQualify', 'convert.stepDetails', 'convert.stepDone'].map((key) => (
            <Step key={key}>
              <StepLabel>{t(key)}</StepLabel>
            </Step>
          ))}
        </Stepper>
        {step === 0 && <Typography>{t('convert.qualifyText', { status: lead.status })}</Typography>}
        {step === 1 && (
          <Stack spacing={2} sx={{ pt: 1 }}>
            {convert.error && !Object.keys(fieldErrors).length && <Alert severity="error">{convert.error.message}</Alert>}
            <TextField label={t('convert.opportunityName')} value={name} onChange={(e) => setName(e.target.value)} error={!!fieldErrors.opportunityName} helperText={fieldErrors.opportunityName} />
            <TextField label={t('convert.amount')} type="number" value={amount} onChange={(e) => setAmount(e.target.value)} error={!!fieldErrors.amount} helperText={fieldErrors.amount} />
            <TextField label={t('convert.currency')} value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} error={!!fieldErrors.currency} helperText={fieldErrors.currency} />
            <TextField label={t('convert.closeDate')} type="date" value={closeDate} onChange={(e) => setCloseDate(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} error={!!fieldErrors.expectedCloseDate} helperText={fieldErrors.expectedCloseDate} />
          </Stack>
        )}
        {step === 2 && result && (
          <Stack spacing={2}>
            <Alert severity="success">{t('convert.done')}</Alert>
            <Stack direction="row" spacing={2}>
              <Button component={RouterLink} to="/opportunities">
                {t('convert.openOpportunities')}
              </Button>
              <Button component={RouterLink} to={`/accounts/${result.accountId}`}>
                {t('convert.openAccount')}
              </Button>
            </Stack>
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{step === 2 ? 'OK' : t('common.cancel')}</Button>
        {step === 0 && (
          <Button variant="contained" onClick={() => qualify.mutate()} disabled={qualify.isPending}>
            {t('leads.qualify')}
          </Button>
        )}
        {step === 1 && (
          <Button variant="contained" onClick={() => convert.mutate()} disabled={convert.isPending}>
            {t('leads.convert')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

export default function LeadDetailPage() {
  const { id } = useParams();
  const t = useT();
  const auth = useAuth();
  const [wizard, setWizard] = useState(false);
  const lead = useQuery({ queryKey: ['lead', id], queryFn: () => api<Lead>(`/crm/leads/${id}`) });
  if (!lead.data) return <CircularProgress aria-label={t('common.loading')} />;
  const l = lead.data;
  const convertible = ['NEW', 'CONTACTED', 'QUALIFIED'].includes(l.status);
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        {l.email}
      </Typography>
      <Card>
        <CardContent>
          <dl>
            {(
              [
                ['leads.firstName', l.firstName],
                ['leads.lastName', l.lastName],
                ['leads.company', l.company],
                ['leads.cui', l.cui],
                ['common.source', l.source],
                ['common.status', l.status],
                ['leads.score', String(l.score)],
                ['leads.consent', l.marketingConsent ? '✓' : '✗'],
              ] as const
            ).map(([key, value]) => (
              <Stack direction="row" spacing={2} key={key}>
                <dt style={{ minWidth: 180, fontWeight: 600 }}>{t(key)}</dt>
                <dd style={{ margin: 0 }} data-field={key}>
                  {value ?? '—'}
                </dd>
              </Stack>
            ))}
          </dl>
        </CardContent>
      </Card>
      {auth.can('crm/write') && l.status !== 'CONVERTED' && (
        <Stack direction="row" spacing={2}>
          <Button variant="outlined" component={RouterLink} to={`/leads/${l.id}/edit`}>
            {t('common.edit')}
          </Button>
          {convertible && (
            <Button variant="contained" onClick={() => setWizard(true)}>
              {t('convert.title')}
            </Button>
          )}
        </Stack>
      )}
      {l.convertedAccountId && (
        <Button component={RouterLink} to={`/accounts/${l.convertedAccountId}`} sx={{ alignSelf: 'start' }}>
          {t('convert.openAccount')}
        </Button>
      )}
      {wizard && <ConvertWizard lead={l} onClose={() => setWizard(false)} />}
    </Stack>
  );
}

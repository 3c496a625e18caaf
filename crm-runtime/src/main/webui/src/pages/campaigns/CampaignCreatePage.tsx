import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, FormControlLabel, FormGroup, FormLabel, Stack, Step, StepLabel, Stepper, TextField, Typography } from '@mui/material';
import { api, ApiError } from '../../api/client';
import { LEAD_SOURCES, LEAD_STATUSES, type Audience, type Campaign, type LeadSource, type LeadStatus } from '../../api/types';
import { useT } from '../../i18n';

const STEPS = ['campaigns.name', 'campaigns.body', 'campaigns.audience', 'campaigns.review'];

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** A four-step wizard: name and subject, content, audience, review and create (as a draft). */
export default function CampaignCreatePage() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [name, setName] = useState('');
  const [subject, setSubject] = useState('');
  const [bodyHtml, setBodyHtml] = useState('<p>Bună ziua!</p>');
  const [audience, setAudience] = useState<Audience>({ statuses: [], sources: [], includeContacts: false });
  const create = useMutation({
    mutationFn: () => api<Campaign>('/crm/campaigns', { method: 'POST', body: { name, subject, bodyHtml, audience } }),
    meta: { silent: true },
    onSuccess: async (campaign) => {
      await queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      navigate(`/campaigns/${campaign.id}`);
    },
  });
  const errors = create.error instanceof ApiError ? Object.fromEntries((create.error.problem.errors ?? []).map((e) => [e.field, e.message])) : {};
  const canAdvance = step === 0 ? name.trim() !== '' && subject.trim() !== '' : step === 1 ? bodyHtml.trim() !== '' : true;

  return (
    <Stack spacing={2} sx={{ maxWidth: 640 }}>
      <Typography variant="h4" component="h1">
        {t('campaigns.new')}
      </Typography>
      <Stepper activeStep={step}>
        {STEPS.map((key) => (
          <Step key={key}>
            <StepLabel>{t(key)}</StepLabel>
          </Step>
        ))}
      </Stepper>
      {create.error && <Alert severity="error">{create.error.message}{Object.entries(errors).map(([f, m]) => ` · ${f}: ${m}`)}</Alert>}
      {step === 0 && (
        <>
          <TextField label={t('campaigns.name')} value={name} onChange={(e) => setName(e.target.value)} required slotProps={{ htmlInput: { maxLength: 200 } }} error={!!errors.name} helperText={errors.name} />
          <TextField label={t('campaigns.subject')} value={subject} onChange={(e) => setSubject(e.target.value)} required slotProps={{ htmlInput: { maxLength: 300 } }} error={!!errors.subject} helperText={errors.subject} />
        </>
      )}
      {step === 1 && <TextField label={t('campaigns.body')} value={bodyHtml} onChange={(e) => setBodyHtml(e.target.value)} multiline minRows={8} required error={!!errors.bodyHtml} helperText={errors.bodyHtml} />}
      {step === 2 && (
        <Stack spacing={2}>
          <FormGroup>
            <FormLabel component="legend">{t('common.status')}</FormLabel>
            <Stack sx={{ flexWrap: 'wrap' }} direction="row">
              {LEAD_STATUSES.map((s) => (
                <FormControlLabel key={s} label={s} control={<Checkbox checked={audience.statuses.includes(s)} onChange={() => setAudience({ ...audience, statuses: toggle<LeadStatus>(audience.statuses, s) })} />} />
              ))}
            </Stack>
          </FormGroup>
          <FormGroup>
            <FormLabel component="legend">{t('common.source')}</FormLabel>
            <Stack sx={{ flexWrap: 'wrap' }} direction="row">
              {LEAD_SOURCES.map((s) => (
                <FormControlLabel key={s} label={s} control={<Checkbox checked={audience.sources.includes(s)} onChange={() => setAudience({ ...audience, sources: toggle<LeadSource>(audience.sources, s) })} />} />
              ))}
            </Stack>
          </FormGroup>
          <FormControlLabel label={t('campaigns.includeContacts')} control={<Checkbox checked={audience.includeContacts} onChange={(e) => setAudience({ ...audience, includeContacts: e.target.checked })} />} />
        </Stack>
      )}
      {step === 3 && (
        <dl>
          <dt>{t('campaigns.name')}</dt>
          <dd>{name}</dd>
          <dt>{t('campaigns.subject')}</dt>
          <dd>{subject}</dd>
          <dt>{t('campaigns.audience')}</dt>
          <dd>
            {[audience.statuses.join(', ') || t('common.all'), audience.sources.join(', ') || t('common.all'), audience.includeContacts ? t('campaigns.includeContacts') : ''].filter(Boolean).join(' · ')}
          </dd>
        </dl>
      )}
      <Stack direction="row" spacing={2}>
        <Button onClick={() => (step === 0 ? navigate('/campaigns') : setStep(step - 1))}>{step === 0 ? t('common.cancel') : t('common.back')}</Button>
        {step < 3 ? (
          <Button variant="contained" onClick={() => setStep(step + 1)} disabled={!canAdvance}>
            {t('common.next')}
          </Button>
        ) : (
          <Button variant="contained" onClick={() => create.mutate()} disabled={create.isPending}>
            {t('campaigns.create')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
}

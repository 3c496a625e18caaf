import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, FormControlLabel, MenuItem, Stack, TextField } from '@mui/material';
import { ApiError } from '../../api/client';
import { LEAD_SOURCES } from '../../api/types';
import { useT, type Translate } from '../../i18n';
import { emptyLead, leadSchema, type LeadFormValues } from './leadSchema';

const FIELDS = Object.keys(emptyLead) as (keyof LeadFormValues)[];

function message(t: Translate, key?: string): string | undefined {
  if (!key) return undefined;
  const [name, n] = key.split(':');
  return name.startsWith('error.') ? t(name, { n }) : key;
}

/** Create and edit a lead; the API's field errors (problem+json `errors`) appear next to their fields. */
export function LeadForm({ initial, onSubmit, onCancel }: {
  initial?: LeadFormValues;
  onSubmit: (values: LeadFormValues) => Promise<unknown>;
  onCancel: () => void;
}) {
  const t = useT();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<LeadFormValues>({
    resolver: zodResolver(leadSchema),
    defaultValues: initial ?? emptyLead,
  });
  const { errors, isSubmitting } = formState;

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const fieldErrors = (e.problem.errors ?? []).filter((fe) => FIELDS.includes(fe.field as keyof LeadFormValues));
      fieldErrors.forEach((fe, i) => setError(fe.field as keyof LeadFormValues, { type: 'server', message: fe.message }, { shouldFocus: i === 0 }));
      if (fieldErrors.length === 0 || fieldErrors.length < (e.problem.errors?.length ?? 0)) {
        setFormError(e.problem.detail ?? e.problem.title ?? e.message);
      }
    }
  });

  const field = (name: keyof LeadFormValues, label: string, extra: object = {}) => (
    <TextField
      {...register(name)}
      {...extra}
      id={`lead-${name}`}
      label={label}
      error={!!errors[name]}
      helperText={message(t, errors[name]?.message)}
      fullWidth
    />
  );

  return (
    <Stack component="form" spacing={2} noValidate onSubmit={submit} sx={{ maxWidth: 560 }}>
      {formError && <Alert severity="error">{formError}</Alert>}
      {field('email', t('leads.email'), { required: true, type: 'email', autoComplete: 'off' })}
      <Stack direction="row" spacing={2}>
        {field('firstName', t('leads.firstName'))}
        {field('lastName', t('leads.lastName'))}
      </Stack>
      {field('company', t('leads.company'))}
      {field('cui', t('leads.cui'))}
      <Controller
        name="source"
        control={control}
        render={({ field: f }) => (
          <TextField select label={t('common.source')} {...f} id="lead-source">
            <MenuItem value="">—</MenuItem>
            {LEAD_SOURCES.map((s) => (
              <MenuItem key={s} value={s}>
                {s}
              </MenuItem>
            ))}
          </TextField>
        )}
      />
      <Controller
        name="status"
        control={control}
        render={({ field: f }) => (
          <TextField select label={t('common.status')} {...f} id="lead-status">
            {['NEW', 'CONTACTED', 'DISQUALIFIED'].map((s) => (
              <MenuItem key={s} value={s}>
                {s}
              </MenuItem>
            ))}
          </TextField>
        )}
      />
      {field('whid', t('leads.whid'))}
      <Controller
        name="marketingConsent"
        control={control}
        render={({ field: f }) => (
          <FormControlLabel control={<Checkbox checked={f.value} onChange={(e) => f.onChange(e.target.checked)} />} label={t('leads.consent')} />
        )}
      />
      <Stack direction="row" spacing={2}>
        <Button type="submit" variant="contained" disabled={isSubmitting}>
          {t('common.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Stack>
    </Stack>
  );
}

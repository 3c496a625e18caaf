-- Marketing consent kept as GDPR asks (PRODUCT.md B15): whether, how and since when — on leads too, so a campaign
-- can send only to leads who agreed. Additive: the previous release ignores the new columns.
ALTER TABLE crm.leads
  ADD COLUMN marketing_consent  boolean NOT NULL DEFAULT false,
  ADD COLUMN consent_source     text CHECK (consent_source IN ('WEB_FORM', 'EMAIL', 'PHONE', 'EVENT', 'IMPORT', 'API')),
  ADD COLUMN consent_updated_at timestamptz;

ALTER TABLE crm.contacts
  ADD COLUMN consent_source text CHECK (consent_source IN ('WEB_FORM', 'EMAIL', 'PHONE', 'EVENT', 'IMPORT', 'API'));

-- Campaign audiences select consenting leads by status within a tenant.
CREATE INDEX leads_consenting_idx ON crm.leads (tid, status) WHERE marketing_consent;

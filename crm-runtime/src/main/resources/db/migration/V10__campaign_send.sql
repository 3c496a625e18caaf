-- Campaign send (B4): the recipients a send resolved from the audience, and the batches they go out in through the
-- email.send worker. Additive: a runtime without campaign send keeps working on this schema.

CREATE TABLE crm.campaign_batches (
  tid          text        NOT NULL DEFAULT current_setting('app.tid') CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid         text                 CHECK (whid ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  mid          text        NOT NULL DEFAULT 'crm' CHECK (mid = 'crm'),
  id           uuid        NOT NULL,
  campaign_id  uuid        NOT NULL,
  batch_no     integer     NOT NULL CHECK (batch_no >= 0),
  size         integer     NOT NULL CHECK (size > 0),
  status       text        NOT NULL DEFAULT 'SENDING' CHECK (status IN ('SENDING', 'DONE', 'FAILED')),
  job_id       uuid,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  version      bigint      NOT NULL DEFAULT 0,
  PRIMARY KEY (tid, mid, id),
  UNIQUE (tid, mid, campaign_id, batch_no),
  FOREIGN KEY (tid, mid, campaign_id) REFERENCES crm.campaigns (tid, mid, id) ON DELETE CASCADE
);
CREATE INDEX campaign_batches_open_idx ON crm.campaign_batches (tid, campaign_id) WHERE status = 'SENDING';

CREATE TABLE crm.campaign_recipients (
  tid                 text        NOT NULL DEFAULT current_setting('app.tid') CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid                text                 CHECK (whid ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  mid                 text        NOT NULL DEFAULT 'crm' CHECK (mid = 'crm'),
  id                  uuid        NOT NULL,
  campaign_id         uuid        NOT NULL,
  email               varchar(320) NOT NULL CHECK (position('@' IN email) > 1),
  lead_id             uuid,
  contact_id          uuid,
  batch_no            integer     NOT NULL CHECK (batch_no >= 0),
  status              text        NOT NULL DEFAULT 'QUEUED'
                      CHECK (status IN ('QUEUED', 'SENT', 'DELIVERED', 'BOUNCED', 'FAILED')),
  provider_message_id varchar(200),
  opened_at           timestamptz,
  clicked_at          timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  version             bigint      NOT NULL DEFAULT 0,
  PRIMARY KEY (tid, mid, id),
  FOREIGN KEY (tid, mid, campaign_id) REFERENCES crm.campaigns (tid, mid, id) ON DELETE CASCADE,
  FOREIGN KEY (tid, mid, lead_id) REFERENCES crm.leads (tid, mid, id) ON DELETE SET NULL (lead_id),
  FOREIGN KEY (tid, mid, contact_id) REFERENCES crm.contacts (tid, mid, id) ON DELETE SET NULL (contact_id)
);
-- One recipient per address and campaign: the send de-duplicates by e-mail, the database makes sure of it.
CREATE UNIQUE INDEX campaign_recipients_email_key ON crm.campaign_recipients (tid, mid, campaign_id, lower(email));
CREATE INDEX campaign_recipients_batch_idx ON crm.campaign_recipients (tid, campaign_id, batch_no);
CREATE UNIQUE INDEX campaign_recipients_message_key ON crm.campaign_recipients (tid, mid, provider_message_id)
  WHERE provider_message_id IS NOT NULL;
CREATE INDEX campaign_recipients_lead_idx ON crm.campaign_recipients (tid, lead_id);
CREATE INDEX campaign_recipients_contact_idx ON crm.campaign_recipients (tid, contact_id);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['campaign_batches', 'campaign_recipients'] LOOP
    EXECUTE format('ALTER TABLE crm.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE crm.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON crm.%I
      USING (tid = current_setting('app.tid') AND (whid = current_setting('app.whid') OR whid IS NULL))
      WITH CHECK (tid = current_setting('app.tid') AND (whid = current_setting('app.whid') OR whid IS NULL))$p$, t);
  END LOOP;
END
$$;

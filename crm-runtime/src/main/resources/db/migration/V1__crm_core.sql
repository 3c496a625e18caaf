-- Vettify CRM core schema (PRODUCT.md §3, §5).
-- Every table: tid, whid, mid, id; primary key (tid, mid, id); composite foreign keys; indexes lead with tid;
-- row-level security enabled and forced with the standard policy. tid defaults to the transaction's tenant
-- context, so a row can only ever be written for the tenant of the authenticated caller.

CREATE TABLE crm.accounts (
  tid               text        NOT NULL DEFAULT current_setting('app.tid') CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid              text                 CHECK (whid ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  mid               text        NOT NULL DEFAULT 'crm' CHECK (mid = 'crm'),
  id                uuid        NOT NULL,
  name              varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
  cui               varchar(10)          CHECK (cui ~ '^[1-9][0-9]{1,9}$'),
  industry          varchar(100),
  website           varchar(500),
  phone             varchar(40),
  compliance_status text        NOT NULL DEFAULT 'UNVERIFIED'
                    CHECK (compliance_status IN ('UNVERIFIED', 'PENDING', 'VERIFIED', 'INVALID', 'INACTIVE')),
  official_name     varchar(300),
  vat_payer         boolean,
  employees         integer              CHECK (employees >= 0),
  churn_risk        numeric(5, 4)        CHECK (churn_risk BETWEEN 0 AND 1),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  version           bigint      NOT NULL DEFAULT 0,
  PRIMARY KEY (tid, mid, id)
);
CREATE UNIQUE INDEX accounts_cui_key ON crm.accounts (tid, mid, cui) WHERE cui IS NOT NULL;
CREATE INDEX accounts_name_idx ON crm.accounts (tid, name, id);
CREATE INDEX accounts_created_idx ON crm.accounts (tid, created_at, id);
CREATE INDEX accounts_updated_idx ON crm.accounts (tid, updated_at, id);

CREATE TABLE crm.contacts (
  tid               text        NOT NULL DEFAULT current_setting('app.tid') CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid              text                 CHECK (whid ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  mid               text        NOT NULL DEFAULT 'crm' CHECK (mid = 'crm'),
  id                uuid        NOT NULL,
  first_name        varchar(100),
  last_name         varchar(100) NOT NULL CHECK (length(btrim(last_name)) > 0),
  email             varchar(320),
  phone             varchar(40),
  title             varchar(150),
  account_id        uuid,
  marketing_consent boolean     NOT NULL DEFAULT false,
  consent_updated_at timestamptz,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  version           bigint      NOT NULL DEFAULT 0,
  PRIMARY KEY (tid, mid, id),
  FOREIGN KEY (tid, mid, account_id) REFERENCES crm.accounts (tid, mid, id) ON DELETE SET NULL (account_id)
);
CREATE INDEX contacts_account_idx ON crm.contacts (tid, account_id);
CREATE INDEX contacts_last_name_idx ON crm.contacts (tid, last_name, id);
CREATE INDEX contacts_created_idx ON crm.contacts (tid, created_at, id);
CREATE INDEX contacts_email_idx ON crm.contacts (tid, lower(email));

CREATE TABLE crm.opportunities (
  tid                 text        NOT NULL DEFAULT current_setting('app.tid') CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid                text                 CHECK (whid ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  mid                 text        NOT NULL DEFAULT 'crm' CHECK (mid = 'crm'),
  id                  uuid        NOT NULL,
  name                varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
  account_id          uuid        NOT NULL,
  contact_id          uuid,
  amount              numeric(18, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0),
  currency            char(3)     NOT NULL DEFAULT 'RON' CHECK (currency ~ '^[A-Z]{3}$'),
  stage               text        NOT NULL DEFAULT 'PROSPECTING'
                      CHECK (stage IN ('PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST')),
  expected_close_date date,
  closed_at           timestamptz,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  version             bigint      NOT NULL DEFAULT 0,
  PRIMARY KEY (tid, mid, id),
  FOREIGN KEY (tid, mid, account_id) REFERENCES crm.accounts (tid, mid, id) ON DELETE RESTRICT,
  FOREIGN KEY (tid, mid, contact_id) REFERENCES crm.contacts (tid, mid, id) ON DELETE SET NULL (contact_id)
);
CREATE INDEX opportunities_account_idx ON crm.opportunities (tid, account_id);
CREATE INDEX opportunities_contact_idx ON crm.opportunities (tid, contact_id);
CREATE INDEX opportunities_stage_idx ON crm.opportunities (tid, stage);
CREATE INDEX opportunities_created_idx ON crm.opportunities (tid, created_at, id);
CREATE INDEX opportunities_name_idx ON crm.opportunities (tid, name, id);
CREATE INDEX opportunities_amount_idx ON crm.opportunities (tid, amount, id);

CREATE TABLE crm.leads (
  tid                      text        NOT NULL DEFAULT current_setting('app.tid') CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid                     text                 CHECK (whid ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  mid                      text        NOT NULL DEFAULT 'crm' CHECK (mid = 'crm'),
  id                       uuid        NOT NULL,
  first_name               varchar(100),
  last_name                varchar(100),
  email                    varchar(320) NOT NULL CHECK (position('@' IN email) > 1),
  company                  varchar(200),
  cui                      varchar(10)          CHECK (cui ~ '^[1-9][0-9]{1,9}$'),
  source                   text        NOT NULL DEFAULT 'OTHER'
                           CHECK (source IN ('WEB', 'IMPORT', 'REFERRAL', 'EVENT', 'SOCIAL', 'OTHER')),
  status                   text        NOT NULL DEFAULT 'NEW'
                           CHECK (status IN ('NEW', 'CONTACTED', 'QUALIFIED', 'DISQUALIFIED', 'CONVERTED')),
  score                    integer     NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 100),
  converted_account_id     uuid,
  converted_contact_id     uuid,
  converted_opportunity_id uuid,
  converted_at             timestamptz,
  created_at               timestamptz NOT NULL,
  updated_at               timestamptz NOT NULL,
  version                  bigint      NOT NULL DEFAULT 0,
  PRIMARY KEY (tid, mid, id),
  FOREIGN KEY (tid, mid, converted_account_id) REFERENCES crm.accounts (tid, mid, id) ON DELETE SET NULL (converted_account_id),
  FOREIGN KEY (tid, mid, converted_contact_id) REFERENCES crm.contacts (tid, mid, id) ON DELETE SET NULL (converted_contact_id),
  FOREIGN KEY (tid, mid, converted_opportunity_id) REFERENCES crm.opportunities (tid, mid, id) ON DELETE SET NULL (converted_opportunity_id),
  CHECK (status <> 'CONVERTED' OR converted_at IS NOT NULL)
);
CREATE INDEX leads_status_idx ON crm.leads (tid, status);
CREATE INDEX leads_created_idx ON crm.leads (tid, created_at, id);
CREATE INDEX leads_score_idx ON crm.leads (tid, score, id);
CREATE INDEX leads_last_name_idx ON crm.leads (tid, last_name, id);
CREATE INDEX leads_email_idx ON crm.leads (tid, lower(email));
CREATE INDEX leads_converted_account_idx ON crm.leads (tid, converted_account_id);
CREATE INDEX leads_converted_contact_idx ON crm.leads (tid, converted_contact_id);
CREATE INDEX leads_converted_opportunity_idx ON crm.leads (tid, converted_opportunity_id);

CREATE TABLE crm.campaigns (
  tid         text        NOT NULL DEFAULT current_setting('app.tid') CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid        text                 CHECK (whid ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  mid         text        NOT NULL DEFAULT 'crm' CHECK (mid = 'crm'),
  id          uuid        NOT NULL,
  name        varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
  subject     varchar(300) NOT NULL,
  body_html   text        NOT NULL,
  audience    jsonb       NOT NULL,
  status      text        NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'SENDING', 'SENT', 'FAILED')),
  recipients  integer     NOT NULL DEFAULT 0 CHECK (recipients >= 0),
  sent        integer     NOT NULL DEFAULT 0 CHECK (sent >= 0),
  delivered   integer     NOT NULL DEFAULT 0 CHECK (delivered >= 0),
  bounced     integer     NOT NULL DEFAULT 0 CHECK (bounced >= 0),
  opened      integer     NOT NULL DEFAULT 0 CHECK (opened >= 0),
  clicked     integer     NOT NULL DEFAULT 0 CHECK (clicked >= 0),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  version     bigint      NOT NULL DEFAULT 0,
  PRIMARY KEY (tid, mid, id)
);
CREATE INDEX campaigns_status_idx ON crm.campaigns (tid, status);
CREATE INDEX campaigns_created_idx ON crm.campaigns (tid, created_at, id);
CREATE INDEX campaigns_name_idx ON crm.campaigns (tid, name, id);

-- Row-level security: exactly the standard policy on every table, enabled and forced (the owner is bound too).
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['accounts', 'contacts', 'opportunities', 'leads', 'campaigns'] LOOP
    EXECUTE format('ALTER TABLE crm.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE crm.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON crm.%I
      USING (tid = current_setting('app.tid') AND (whid = current_setting('app.whid') OR whid IS NULL))
      WITH CHECK (tid = current_setting('app.tid') AND (whid = current_setting('app.whid') OR whid IS NULL))$p$, t);
  END LOOP;
END
$$;

-- Files in the tenant's bucket (PRODUCT.md §5, B8, B10). The bytes live in object storage, encrypted with SSE-C under
-- a key derived per object; these rows are their metadata, under row-level security like every CRM row. Additive.

-- B8: a file attached to an account or a contact. Its whid is its subject's, so it is visible exactly where the
-- subject is. A subject with attachments cannot be deleted until they are (RESTRICT: no object is ever orphaned).
CREATE TABLE crm.attachments (
  tid          text         NOT NULL DEFAULT current_setting('app.tid') CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid         text                  CHECK (whid ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  mid          text         NOT NULL DEFAULT 'crm' CHECK (mid = 'crm'),
  id           uuid         NOT NULL,
  subject_type text         NOT NULL CHECK (subject_type IN ('account', 'contact')),
  account_id   uuid,
  contact_id   uuid,
  filename     varchar(255) NOT NULL CHECK (length(btrim(filename)) > 0),
  content_type varchar(100) NOT NULL,
  size_bytes   bigint       NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
  sha256       char(64)     NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  object_key   varchar(300) NOT NULL,
  created_by   varchar(200) NOT NULL,
  created_at   timestamptz  NOT NULL,
  updated_at   timestamptz  NOT NULL,
  version      bigint       NOT NULL DEFAULT 0,
  PRIMARY KEY (tid, mid, id),
  CHECK ((subject_type = 'account' AND account_id IS NOT NULL AND contact_id IS NULL)
      OR (subject_type = 'contact' AND contact_id IS NOT NULL AND account_id IS NULL)),
  FOREIGN KEY (tid, mid, account_id) REFERENCES crm.accounts (tid, mid, id) ON DELETE RESTRICT,
  FOREIGN KEY (tid, mid, contact_id) REFERENCES crm.contacts (tid, mid, id) ON DELETE RESTRICT
);
CREATE INDEX attachments_account_idx ON crm.attachments (tid, account_id, created_at, id) WHERE account_id IS NOT NULL;
CREATE INDEX attachments_contact_idx ON crm.attachments (tid, contact_id, created_at, id) WHERE contact_id IS NOT NULL;
CREATE UNIQUE INDEX attachments_object_key ON crm.attachments (tid, object_key);

ALTER TABLE crm.attachments ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm.attachments FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON crm.attachments
  USING (tid = current_setting('app.tid') AND (whid = current_setting('app.whid') OR whid IS NULL))
  WITH CHECK (tid = current_setting('app.tid') AND (whid = current_setting('app.whid') OR whid IS NULL));

-- B10: a campaign's PDF report as rendered by the pdf.render worker; the latest one is the campaign's report. Deleting
-- the campaign deletes its reports first (objects, then rows: RESTRICT keeps an object from being orphaned). job_id
-- names the pdf.render job (unique: a redelivered reply stores nothing twice) without a foreign key, so that finished
-- jobs may be purged while their reports stay.
CREATE TABLE crm.campaign_reports (
  tid          text         NOT NULL DEFAULT current_setting('app.tid') CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid         text                  CHECK (whid ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  mid          text         NOT NULL DEFAULT 'crm' CHECK (mid = 'crm'),
  id           uuid         NOT NULL,
  campaign_id  uuid         NOT NULL,
  job_id       uuid         NOT NULL,
  size_bytes   bigint       NOT NULL CHECK (size_bytes > 0),
  sha256       char(64)     NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  object_key   varchar(300) NOT NULL,
  created_at   timestamptz  NOT NULL,
  updated_at   timestamptz  NOT NULL,
  version      bigint       NOT NULL DEFAULT 0,
  PRIMARY KEY (tid, mid, id),
  FOREIGN KEY (tid, mid, campaign_id) REFERENCES crm.campaigns (tid, mid, id) ON DELETE RESTRICT
);
CREATE INDEX campaign_reports_campaign_idx ON crm.campaign_reports (tid, campaign_id, created_at, id);
CREATE UNIQUE INDEX campaign_reports_job_key ON crm.campaign_reports (tid, mid, job_id);

ALTER TABLE crm.campaign_reports ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm.campaign_reports FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON crm.campaign_reports
  USING (tid = current_setting('app.tid') AND (whid = current_setting('app.whid') OR whid IS NULL))
  WITH CHECK (tid = current_setting('app.tid') AND (whid = current_setting('app.whid') OR whid IS NULL));

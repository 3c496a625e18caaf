-- Runtime 1.1.0: one record per request to a worker of the fleet (PRODUCT.md §7); its reply, or its deadline, settles
-- it. Additive: runtime 1.0.0 keeps working on this schema while a canary of 1.1.0 runs beside it.

CREATE TABLE crm.worker_jobs (
  tid          text        NOT NULL DEFAULT current_setting('app.tid') CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid         text                 CHECK (whid ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  mid          text        NOT NULL DEFAULT 'crm' CHECK (mid = 'crm'),
  id           uuid        NOT NULL,
  worker       text        NOT NULL CHECK (worker IN ('anaf.taxpayer', 'reges', 'ai.summary', 'ai.churn', 'email.send',
               'pdf.render', 'etl.sync')),
  status       text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED', 'TIMED_OUT')),
  subject_type text,
  subject_id   uuid,
  attempts     integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  deadline     timestamptz NOT NULL,
  request      jsonb       NOT NULL,
  result       jsonb,
  error        text,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  version      bigint      NOT NULL DEFAULT 0,
  PRIMARY KEY (tid, mid, id)
);
CREATE INDEX worker_jobs_pending_idx ON crm.worker_jobs (tid, deadline) WHERE status = 'PENDING';
CREATE INDEX worker_jobs_subject_idx ON crm.worker_jobs (tid, subject_type, subject_id, created_at);

ALTER TABLE crm.worker_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm.worker_jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON crm.worker_jobs
  USING (tid = current_setting('app.tid') AND (whid = current_setting('app.whid') OR whid IS NULL))
  WITH CHECK (tid = current_setting('app.tid') AND (whid = current_setting('app.whid') OR whid IS NULL));

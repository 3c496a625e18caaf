-- Runtime 1.1.0: the send queue of the worker client (PRODUCT.md §7) and the churn-risk bucket of an account.
-- Additive: runtime 1.0.0 keeps working on this schema while a canary of 1.1.0 runs beside it.

-- A worker job still waiting for its reply: the request to (re)send and when, read across the tenants a runtime serves
-- by the dispatcher and the deadline sweep, so it lives beside the outbox outside the tenant schema `crm`. The row is
-- written in the transaction that records the job (crm.worker_jobs) and deleted in the one that settles it; every row
-- still carries its tid and whid, and the job itself stays under row-level security.
CREATE TABLE crm_messaging.worker_dispatch (
  job_id         uuid        PRIMARY KEY,
  tid            text        NOT NULL CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid           text                 CHECK (whid ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  worker         text        NOT NULL,
  request        jsonb       NOT NULL,
  correlation_id text        NOT NULL,
  traceparent    text,
  attempts       integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  deadline       timestamptz NOT NULL,
  next_send_at   timestamptz NOT NULL,
  sent_at        timestamptz,
  last_error     text,
  created_at     timestamptz NOT NULL
);
CREATE INDEX worker_dispatch_due_idx ON crm_messaging.worker_dispatch (next_send_at);
CREATE INDEX worker_dispatch_deadline_idx ON crm_messaging.worker_dispatch (deadline);
CREATE INDEX worker_dispatch_tenant_idx ON crm_messaging.worker_dispatch (tid, created_at);

-- The ai.churn worker's answer: the score stays in churn_risk (0..1), its bucket is what the API shows.
ALTER TABLE crm.accounts ADD COLUMN churn_risk_bucket text CHECK (churn_risk_bucket IN ('LOW', 'MEDIUM', 'HIGH'));

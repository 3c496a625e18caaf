-- CSV lead imports (B9): one record per preview or commit of an uploaded file, readable at
-- GET /v1/crm/leads/imports/{id}. A commit inserts its leads in the same transaction as this record (atomic).
-- Errors are stored without the rows' values (line, column, field, message), at most the first 1000.
-- Additive: earlier runtimes ignore this table.

CREATE TABLE crm.lead_imports (
  tid              text        NOT NULL DEFAULT current_setting('app.tid') CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid             text                 CHECK (whid ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  mid              text        NOT NULL DEFAULT 'crm' CHECK (mid = 'crm'),
  id               uuid        NOT NULL,
  status           text        NOT NULL CHECK (status IN ('PREVIEWED', 'COMMITTED')),
  file_name        varchar(255),
  file_sha256      char(64)    NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_bytes       bigint      NOT NULL CHECK (file_bytes >= 0),
  mapping          jsonb       NOT NULL,
  total_rows       integer     NOT NULL CHECK (total_rows >= 0),
  accepted_rows    integer     NOT NULL CHECK (accepted_rows >= 0),
  imported_rows    integer     NOT NULL CHECK (imported_rows >= 0),
  duplicate_rows   integer     NOT NULL CHECK (duplicate_rows >= 0),
  invalid_rows     integer     NOT NULL CHECK (invalid_rows >= 0),
  errors           jsonb       NOT NULL,
  errors_truncated boolean     NOT NULL,
  created_by       varchar(255),
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  version          bigint      NOT NULL DEFAULT 0,
  PRIMARY KEY (tid, mid, id),
  CHECK (status = 'COMMITTED' OR imported_rows = 0)
);
CREATE INDEX lead_imports_created_idx ON crm.lead_imports (tid, created_at, id);

ALTER TABLE crm.lead_imports ENABLE ROW LEVEL SECURITY;
ALTER TABLE crm.lead_imports FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON crm.lead_imports
  USING (tid = current_setting('app.tid') AND (whid = current_setting('app.whid') OR whid IS NULL))
  WITH CHECK (tid = current_setting('app.tid') AND (whid = current_setting('app.whid') OR whid IS NULL));

-- Duplicate lookups by email. Under row-level security a condition on lower(email) is never an index condition for
-- the runtime role (lower() is not leakproof, so it runs after the policy, as a filter over the tenant's rows); an
-- equality on a stored lower-case copy is (texteq is leakproof). Adding a stored generated column rewrites the
-- table once; older runtimes neither read nor write it.
ALTER TABLE crm.leads ADD COLUMN email_key text GENERATED ALWAYS AS (lower(email)) STORED;
CREATE INDEX leads_email_key_idx ON crm.leads (tid, email_key);

-- The audit trail (PRODUCT.md B11): an append-only, hash-chained log of the actions that must be accountable
-- (lead conversions, GDPR exports and erasures, consent changes, admin actions, campaign sends, imports).
-- One chain per tenant: rows are tenant-wide (whid NULL) so that every admin of the tenant sees, exports and verifies
-- the same chain; the warehouse the actor acted from is kept in actor_whid. Rows hold digests, never personal data.

CREATE TABLE crm.audit_log (
  tid           text        NOT NULL DEFAULT current_setting('app.tid') CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid          text                 CHECK (whid IS NULL),
  mid           text        NOT NULL DEFAULT 'crm' CHECK (mid = 'crm'),
  id            uuid        NOT NULL,
  seq           bigint      NOT NULL CHECK (seq >= 1),
  occurred_at   timestamptz NOT NULL,
  actor         varchar(255) NOT NULL CHECK (length(actor) > 0),
  actor_whid    text                 CHECK (actor_whid ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  action        varchar(100) NOT NULL CHECK (action ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  subject_type  varchar(50) NOT NULL CHECK (subject_type ~ '^[a-z][a-z0-9_]*$'),
  subject_id    uuid,
  before_digest char(64)             CHECK (before_digest ~ '^[0-9a-f]{64}$'),
  after_digest  char(64)             CHECK (after_digest ~ '^[0-9a-f]{64}$'),
  prev_hash     char(64)    NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash          char(64)    NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  PRIMARY KEY (tid, mid, id),
  UNIQUE (tid, mid, seq)
);
CREATE INDEX audit_log_occurred_idx ON crm.audit_log (tid, occurred_at, seq);
CREATE INDEX audit_log_subject_idx ON crm.audit_log (tid, subject_type, subject_id);

-- The head of each tenant's chain: its row lock serialises appends (one chain under concurrency), and its last
-- seq/hash let the verification notice entries removed from the end of the chain.
CREATE TABLE crm.audit_chain_heads (
  tid        text        NOT NULL DEFAULT current_setting('app.tid') CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid       text                 CHECK (whid IS NULL),
  mid        text        NOT NULL DEFAULT 'crm' CHECK (mid = 'crm'),
  id         uuid        NOT NULL,
  last_seq   bigint      NOT NULL CHECK (last_seq >= 0),
  last_hash  char(64)    NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$'),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tid, mid, id),
  UNIQUE (tid, mid)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['audit_log', 'audit_chain_heads'] LOOP
    EXECUTE format('ALTER TABLE crm.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE crm.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON crm.%I
      USING (tid = current_setting('app.tid') AND (whid = current_setting('app.whid') OR whid IS NULL))
      WITH CHECK (tid = current_setting('app.tid') AND (whid = current_setting('app.whid') OR whid IS NULL))$p$, t);
  END LOOP;
END
$$;

-- Append-only for everyone, the owner included (the runtime role also has no UPDATE/DELETE grant: afterMigrate).
CREATE FUNCTION crm.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'crm.audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON crm.audit_log
  FOR EACH ROW EXECUTE FUNCTION crm.refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON crm.audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION crm.refuse_audit_change();

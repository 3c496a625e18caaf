-- Sales orders linked from the sales module (sales.order.created), the account 360 timeline (PRODUCT.md B12),
-- and the inbox of processed event ids that makes every consumer idempotent.

CREATE TABLE crm.sales_orders (
  tid             text        NOT NULL DEFAULT current_setting('app.tid') CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid            text                 CHECK (whid ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  mid             text        NOT NULL DEFAULT 'crm' CHECK (mid = 'crm'),
  id              uuid        NOT NULL,
  order_number    varchar(64) NOT NULL,
  account_id      uuid        NOT NULL,
  opportunity_id  uuid,
  amount          numeric(18, 2) NOT NULL CHECK (amount >= 0),
  currency        char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  ordered_at      timestamptz NOT NULL,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  version         bigint      NOT NULL DEFAULT 0,
  PRIMARY KEY (tid, mid, id),
  FOREIGN KEY (tid, mid, account_id) REFERENCES crm.accounts (tid, mid, id) ON DELETE RESTRICT,
  FOREIGN KEY (tid, mid, opportunity_id) REFERENCES crm.opportunities (tid, mid, id) ON DELETE SET NULL (opportunity_id)
);
CREATE INDEX sales_orders_account_idx ON crm.sales_orders (tid, account_id);
CREATE INDEX sales_orders_opportunity_idx ON crm.sales_orders (tid, opportunity_id);

CREATE TABLE crm.account_timeline (
  tid             text        NOT NULL DEFAULT current_setting('app.tid') CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid            text                 CHECK (whid ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  mid             text        NOT NULL DEFAULT 'crm' CHECK (mid = 'crm'),
  id              uuid        NOT NULL,
  account_id      uuid        NOT NULL,
  occurred_at     timestamptz NOT NULL,
  kind            text        NOT NULL CHECK (kind IN ('LEAD_CONVERTED', 'OPPORTUNITY_STAGE_CHANGED',
                  'SALES_ORDER_CREATED', 'SHIPMENT_DELIVERED', 'COMPLIANCE_VERIFIED')),
  summary         varchar(500) NOT NULL,
  source_event_id uuid,
  data            jsonb       NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  version         bigint      NOT NULL DEFAULT 0,
  PRIMARY KEY (tid, mid, id),
  FOREIGN KEY (tid, mid, account_id) REFERENCES crm.accounts (tid, mid, id) ON DELETE CASCADE
);
CREATE INDEX account_timeline_idx ON crm.account_timeline (tid, account_id, occurred_at, id);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sales_orders', 'account_timeline'] LOOP
    EXECUTE format('ALTER TABLE crm.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE crm.%I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON crm.%I
      USING (tid = current_setting('app.tid') AND (whid = current_setting('app.whid') OR whid IS NULL))
      WITH CHECK (tid = current_setting('app.tid') AND (whid = current_setting('app.whid') OR whid IS NULL))$p$, t);
  END LOOP;
END
$$;

-- Event ids already processed (one row per consumed event); written in the consumer's transaction.
CREATE TABLE crm_messaging.inbox (
  event_id    uuid        PRIMARY KEY,
  tid         text        NOT NULL,
  event_type  text        NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inbox_received_idx ON crm_messaging.inbox (received_at);

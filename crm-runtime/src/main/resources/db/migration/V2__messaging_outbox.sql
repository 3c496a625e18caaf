-- Transactional outbox (PRODUCT.md §6): an event is written in the same transaction as the change it reports and
-- published afterwards by the relay. The table is infrastructure read by the relay across the tenants a runtime
-- serves, so it lives outside the tenant schema `crm`; every row still carries its tid and whid.
CREATE SCHEMA IF NOT EXISTS crm_messaging;

CREATE TABLE crm_messaging.outbox (
  seq            bigserial   PRIMARY KEY,
  id             uuid        NOT NULL UNIQUE,
  tid            text        NOT NULL CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid           text,
  event_type     text        NOT NULL CHECK (event_type ~ '^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$'),
  aggregate_type text        NOT NULL,
  aggregate_id   uuid        NOT NULL,
  payload        jsonb       NOT NULL,
  correlation_id text        NOT NULL,
  traceparent    text,
  occurred_at    timestamptz NOT NULL,
  published_at   timestamptz,
  attempts       integer     NOT NULL DEFAULT 0,
  last_error     text
);
-- The relay's work list: pending events in commit order.
CREATE INDEX outbox_pending_idx ON crm_messaging.outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_published_idx ON crm_messaging.outbox (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX outbox_tenant_idx ON crm_messaging.outbox (tid, occurred_at);

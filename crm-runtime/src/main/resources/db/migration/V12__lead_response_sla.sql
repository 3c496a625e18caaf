-- The lead-response SLI (PRODUCT.md §9, docs/lead-response-sli.md): each lead created NEW through the API is settled
-- once, as responded (it left NEW within the SLA after its creation) or missed (the deadline passed while it was NEW,
-- or its first response came later). Additive: the runtime before this version ignores both.

-- The settlement, on the lead itself: when it first left NEW and, once settled, how. A lead is settled at most once,
-- so the outcome never changes after it is set.
ALTER TABLE crm.leads
  ADD COLUMN first_response_at timestamptz,
  ADD COLUMN response_outcome  text CHECK (response_outcome IN ('RESPONDED', 'MISSED'));

-- The deadline of each lead still waiting for its first response, read across the tenants a runtime serves by the
-- sweep that settles overdue leads as missed — so it lives beside the outbox and the worker dispatch, outside the
-- tenant schema `crm` (row-level security would hide the other tenants' and warehouses' leads, and the sweep binds the
-- context of each row's tid and whid before it touches the lead). Written in the transaction that creates the lead,
-- deleted in the one that settles it; the lead itself stays under row-level security.
CREATE TABLE crm_messaging.lead_response_due (
  tid     text        NOT NULL CHECK (tid ~ '^[a-z][a-z0-9-]{1,39}$'),
  whid    text                 CHECK (whid ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  lead_id uuid        NOT NULL,
  due_at  timestamptz NOT NULL,
  PRIMARY KEY (tid, lead_id)
);
CREATE INDEX lead_response_due_at_idx ON crm_messaging.lead_response_due (due_at);
CREATE INDEX lead_response_due_tenant_idx ON crm_messaging.lead_response_due (tid, due_at);

-- Performance (docs/performance.md): the tenant policy evaluated once per query, and indexes for filtered lists.
--
-- The standard policy of PRODUCT.md §3, unchanged in meaning, with each current_setting wrapped in a scalar
-- subquery: PostgreSQL then evaluates it once per query (an InitPlan) instead of once per row, and the tid
-- comparison stays usable as an index condition. Applied to every table that has the policy, including tables of
-- migrations before this one; later migrations create their policies in this form.
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_policies WHERE schemaname = 'crm' AND policyname = 'tenant_isolation' LOOP
    EXECUTE format($p$ALTER POLICY tenant_isolation ON crm.%I
      USING (tid = (SELECT current_setting('app.tid')) AND (whid = (SELECT current_setting('app.whid')) OR whid IS NULL))
      WITH CHECK (tid = (SELECT current_setting('app.tid')) AND (whid = (SELECT current_setting('app.whid')) OR whid IS NULL))$p$, t);
  END LOOP;
END
$$;

-- Filtered lists in their default order (newest first) read one index range instead of sorting every row of the
-- status, source or stage (the keyset cursor continues within the same range).
CREATE INDEX leads_status_created_idx ON crm.leads (tid, status, created_at, id);
CREATE INDEX leads_source_created_idx ON crm.leads (tid, source, created_at, id);
CREATE INDEX opportunities_stage_created_idx ON crm.opportunities (tid, stage, created_at, id);

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

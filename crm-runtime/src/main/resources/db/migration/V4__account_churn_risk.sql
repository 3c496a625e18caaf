-- Runtime 1.1.0: the churn-risk bucket of an account (PRODUCT.md §7, ai.churn), filled by the churn worker's replies.
-- Additive: runtime 1.0.0 keeps working on this schema while a canary of 1.1.0 runs beside it.
ALTER TABLE crm.accounts
  ADD COLUMN churn_risk      text        CHECK (churn_risk IN ('LOW', 'MEDIUM', 'HIGH')),
  ADD COLUMN churn_scored_at timestamptz;

-- Runs after every migrate (Flyway callback): the runtime role gets DML on every CRM and messaging table and may read the
-- migration history to validate the schema version; it owns nothing and can create nothing.
GRANT USAGE ON SCHEMA crm TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA crm TO ${appRole};
GRANT USAGE ON SCHEMA crm_meta TO ${appRole};
GRANT SELECT ON crm_meta.flyway_schema_history TO ${appRole};
GRANT USAGE ON SCHEMA crm_messaging TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA crm_messaging TO ${appRole};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA crm_messaging TO ${appRole};
REVOKE CREATE ON SCHEMA crm FROM PUBLIC;
REVOKE CREATE ON SCHEMA crm_messaging FROM PUBLIC;
-- The audit trail is append-only: the runtime may insert and read it, never change or remove it (schema version 8 on).
DO $$
BEGIN
  IF to_regclass('crm.audit_log') IS NOT NULL THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON crm.audit_log FROM ${appRole};
  END IF;
END
$$;

-- Append-only records for every role: the audit log (0001), FERPA's record of access and the
-- support case timeline. ENABLE ALWAYS makes the triggers fire even under
-- session_replication_role = replica, the setting a superuser would use to skip them.
-- (The serving role holds only INSERT and SELECT on these tables and owns none of them, so it
-- can neither ALTER them nor DROP their triggers: see src/platform/db/app-role.ts.)
CREATE OR REPLACE FUNCTION gatehouse_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER sis_access_log_no_update_delete BEFORE UPDATE OR DELETE ON sis_access_log
  FOR EACH ROW EXECUTE FUNCTION gatehouse_refuse_change();
--> statement-breakpoint
CREATE TRIGGER sis_access_log_no_truncate BEFORE TRUNCATE ON sis_access_log
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_events_no_update_delete BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION gatehouse_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_refuse_change();
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_no_update_delete;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ALWAYS TRIGGER audit_log_no_truncate;
--> statement-breakpoint
ALTER TABLE sis_access_log ENABLE ALWAYS TRIGGER sis_access_log_no_update_delete;
--> statement-breakpoint
ALTER TABLE sis_access_log ENABLE ALWAYS TRIGGER sis_access_log_no_truncate;
--> statement-breakpoint
ALTER TABLE case_events ENABLE ALWAYS TRIGGER case_events_no_update_delete;
--> statement-breakpoint
ALTER TABLE case_events ENABLE ALWAYS TRIGGER case_events_no_truncate;

ALTER TABLE "user_groups" ADD COLUMN "member_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "user_groups" ADD COLUMN "entry_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "user_groups" ADD COLUMN "calendar_grant_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Hand-written: the three counters follow every write to the tables they count, whichever code
-- path (or cascade) makes it. Statement-level, so a bulk insert updates each group once; the
-- groups are locked in id order first, so writers touching several groups cannot deadlock on
-- them, and the UPDATE adds to the committed value (no lost update between concurrent writers).
CREATE OR REPLACE FUNCTION gatehouse_count_group_rows() RETURNS trigger AS $$
DECLARE
  deltas text;
BEGIN
  deltas := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT group_id, count(*)::int AS n FROM new_rows WHERE group_id IS NOT NULL GROUP BY group_id'
    WHEN 'DELETE' THEN 'SELECT group_id, -count(*)::int AS n FROM old_rows WHERE group_id IS NOT NULL GROUP BY group_id'
    ELSE 'SELECT group_id, sum(n)::int AS n FROM (SELECT group_id, 1 AS n FROM new_rows UNION ALL SELECT group_id, -1 FROM old_rows) c'
      || ' WHERE group_id IS NOT NULL GROUP BY group_id HAVING sum(n) <> 0'
  END;
  EXECUTE format(
    'WITH d AS MATERIALIZED (%1$s), locked AS (SELECT g.id FROM user_groups g JOIN d ON d.group_id = g.id ORDER BY g.id FOR NO KEY UPDATE OF g)'
    || ' UPDATE user_groups g SET %2$I = g.%2$I + d.n FROM d WHERE g.id = d.group_id AND g.id IN (SELECT id FROM locked)',
    deltas, TG_ARGV[0]);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER user_group_members_count_insert AFTER INSERT ON user_group_members REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_count_group_rows('member_count');
--> statement-breakpoint
CREATE TRIGGER user_group_members_count_update AFTER UPDATE ON user_group_members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_count_group_rows('member_count');
--> statement-breakpoint
CREATE TRIGGER user_group_members_count_delete AFTER DELETE ON user_group_members REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_count_group_rows('member_count');
--> statement-breakpoint
CREATE TRIGGER right_entries_count_insert AFTER INSERT ON right_entries REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_count_group_rows('entry_count');
--> statement-breakpoint
CREATE TRIGGER right_entries_count_update AFTER UPDATE ON right_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_count_group_rows('entry_count');
--> statement-breakpoint
CREATE TRIGGER right_entries_count_delete AFTER DELETE ON right_entries REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_count_group_rows('entry_count');
--> statement-breakpoint
CREATE TRIGGER calendar_grants_count_insert AFTER INSERT ON calendar_grants REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_count_group_rows('calendar_grant_count');
--> statement-breakpoint
CREATE TRIGGER calendar_grants_count_update AFTER UPDATE ON calendar_grants REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_count_group_rows('calendar_grant_count');
--> statement-breakpoint
CREATE TRIGGER calendar_grants_count_delete AFTER DELETE ON calendar_grants REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_count_group_rows('calendar_grant_count');
--> statement-breakpoint
UPDATE user_groups g SET
  member_count = (SELECT count(*) FROM user_group_members m WHERE m.group_id = g.id),
  entry_count = (SELECT count(*) FROM right_entries e WHERE e.group_id = g.id),
  calendar_grant_count = (SELECT count(*) FROM calendar_grants c WHERE c.group_id = g.id);

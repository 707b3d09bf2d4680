-- Groups that existed before the rights history began get their current state as version 1,
-- so the first change after this migration can be compared with (and undone to) it.
INSERT INTO "group_rights_versions" ("district_id", "group_id", "number", "saved_by_name", "reason", "entries", "calendar_grants")
SELECT g."district_id", g."id", 1, NULL, 'as it was when the history began',
  coalesce((SELECT jsonb_agg(jsonb_build_object(
      'toolPath', e."tool_path", 'rights', e."rights", 'deny', e."deny",
      'from', to_char(e."valid_from" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'until', to_char(e."valid_until" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY e."tool_path", e."valid_from")
    FROM "right_entries" e WHERE e."group_id" = g."id"), '[]'::jsonb),
  coalesce((SELECT jsonb_agg(jsonb_build_object(
      'school', c."school", 'year', c."year", 'calendar', c."calendar", 'modify', c."modify",
      'from', to_char(c."valid_from" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'until', to_char(c."valid_until" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY c."school", c."year", c."calendar")
    FROM "calendar_grants" c WHERE c."group_id" = g."id"), '[]'::jsonb)
FROM "user_groups" g
WHERE NOT EXISTS (SELECT 1 FROM "group_rights_versions" v WHERE v."group_id" = g."id");

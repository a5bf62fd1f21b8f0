-- Mailboxes over their quota, or within the warning share of it, on $asOf (quota: the mailbox's own, else the
-- profile's). "since" is the first night of the current unbroken run of nights at or above the level.
WITH on_date AS (
  SELECT *,
    CASE WHEN used_mb >= quota_mb THEN 'quota-over'
         WHEN used_mb >= quota_mb * $quotaShare THEN 'quota-near' END AS rule_id,
    CASE WHEN used_mb >= quota_mb THEN quota_mb ELSE quota_mb * $quotaShare END AS level_mb
  FROM cmp_state
  WHERE d = CAST($asOf AS DATE) AND status IN ('active', 'locked') AND used_mb IS NOT NULL AND quota_mb > 0
),
flagged AS (SELECT * FROM on_date WHERE rule_id IS NOT NULL),
runs AS (
  SELECT f.address,
    max(act.export_date) FILTER (WHERE act.used_mb IS NULL OR act.used_mb < f.level_mb) AS last_below,
    min(act.export_date) AS first_night
  FROM flagged f
  JOIN mailbox_activity act ON act.address = f.address AND act.export_date <= f.d
  GROUP BY f.address
)
SELECT f.rule_id,
  coalesce((SELECT min(act.export_date) FROM mailbox_activity act
            WHERE act.address = f.address AND act.export_date > r.last_below AND act.export_date <= f.d),
           r.first_night) AS since,
  f.address, f.display_name, f.kind, f.status, f.department, f.title, f.agency_code, a.name AS agency_name,
  f.registry_agency, f.used_mb, f.quota_mb
FROM flagged f
JOIN runs r USING (address)
LEFT JOIN cmp_agency_at a ON a.d = f.d AND a.code = f.agency_code;

-- Ranking counts per agency (SPEC §4.5), summed over the agency's observation days in period $periodId (cmp_samples). Mailboxes count
-- under the agency they resolve to on each day (successors followed). All sums are integers, so results are exact
-- and reproducible. The meaning of each count is in src/rules/compliance/criteria.ts.
WITH samples AS (
  SELECT code, CAST(d AS DATE) AS d FROM cmp_samples WHERE period = $periodId
),
per_day AS (
  SELECT agency_code AS code, d,
    count(*) FILTER (WHERE kind = 'ca-nhan' AND status = 'active') AS personal_active,
    count(*) FILTER (WHERE kind = 'ca-nhan' AND status = 'active' AND used_recent) AS personal_used,
    count(*) FILTER (WHERE kind = 'co-quan' AND status = 'active') AS org_active,
    count(*) FILTER (WHERE kind = 'co-quan' AND status = 'active' AND used_recent) AS org_read,
    count(*) FILTER (WHERE status = 'active' AND password_known) AS password_known,
    count(*) FILTER (WHERE status = 'active' AND password_known
                       AND password_default_since IS NULL AND password_stale_since IS NULL) AS password_ok,
    count(*) FILTER (WHERE status = 'active') AS active,
    count(*) FILTER (WHERE status = 'active' AND forward_since IS NULL) AS forward_ok,
    count(*) FILTER (WHERE status IN ('active', 'locked')) AS kept,
    count(*) FILTER (WHERE status IN ('active', 'locked') AND inactive_revoke_since IS NULL
                       AND inactive_lock_since IS NULL AND locked_revoke_since IS NULL) AS kept_ok
  FROM cmp_state
  WHERE agency_code IS NOT NULL
  GROUP BY agency_code, d
)
SELECT s.code,
  CAST(sum(CASE WHEN a.headcount > 0 THEN coalesce(p.personal_active, 0) ELSE 0 END) AS INTEGER) AS coverage_num,
  CAST(sum(CASE WHEN a.headcount > 0 THEN a.headcount ELSE 0 END) AS INTEGER) AS coverage_den,
  CAST(coalesce(sum(p.personal_used), 0) AS INTEGER) AS regular_use_num,
  CAST(coalesce(sum(p.personal_active), 0) AS INTEGER) AS regular_use_den,
  CAST(coalesce(sum(p.org_read), 0) AS INTEGER) AS agency_mailbox_read_num,
  CAST(coalesce(sum(p.org_active), 0) AS INTEGER) AS agency_mailbox_read_den,
  CAST(coalesce(sum(p.password_ok), 0) AS INTEGER) AS password_hygiene_num,
  CAST(coalesce(sum(p.password_known), 0) AS INTEGER) AS password_hygiene_den,
  CAST(coalesce(sum(p.forward_ok), 0) AS INTEGER) AS no_external_forwarding_num,
  CAST(coalesce(sum(p.active), 0) AS INTEGER) AS no_external_forwarding_den,
  CAST(coalesce(sum(p.kept_ok), 0) AS INTEGER) AS unused_cleanup_num,
  CAST(coalesce(sum(p.kept), 0) AS INTEGER) AS unused_cleanup_den
FROM samples s
JOIN cmp_agency_at a ON a.d = s.d AND a.code = s.code
LEFT JOIN per_day p ON p.code = s.code AND p.d = s.d
GROUP BY s.code
ORDER BY s.code;

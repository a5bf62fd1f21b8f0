-- Per-mailbox findings on $asOf (cmp_state must hold that date): one row per mailbox and rule whose condition holds,
-- with the evidence a page shows and the agency in force on that date (history-aware, successors followed).
WITH on_date AS (
  SELECT * FROM cmp_state WHERE d = CAST($asOf AS DATE)
),
flags AS (
  UNPIVOT (
    SELECT address, password_default_since, password_stale_since, inactive_revoke_since, inactive_lock_since,
      locked_revoke_since, forward_since, unread_since
    FROM on_date
  )
  ON password_default_since AS 'password-default',
     password_stale_since AS 'password-stale',
     inactive_revoke_since AS 'inactive-revoke',
     inactive_lock_since AS 'inactive-lock',
     locked_revoke_since AS 'locked-revoke',
     forward_since AS 'forward-external',
     unread_since AS 'agency-mailbox-unread'
  INTO NAME rule_id VALUE since
)
SELECT f.rule_id,
  CASE WHEN f.rule_id = 'password-default' AND fl.first_login_at IS NOT NULL
    THEN local_day(fl.first_login_at, $offsetMinutes) ELSE f.since END AS since,
  s.address, s.display_name, s.kind, s.status, s.department, s.title, s.agency_code,
  a.name AS agency_name, s.registry_agency, s.created_day, s.default_day,
  local_day(fl.first_login_at, $offsetMinutes) AS first_login_day, s.password_day, s.lastlogon_day, s.login_day,
  s.sent_day, s.use_day,
  s.access_day, s.locked_from, s.ext_targets, s.used_mb, s.quota_mb
FROM flags f
JOIN on_date s USING (address)
LEFT JOIN cmp_agency_at a ON a.d = s.d AND a.code = s.agency_code
LEFT JOIN cmp_first_login fl ON fl.address = s.address;

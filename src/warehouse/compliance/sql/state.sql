-- Every mailbox version in force on each date d of cmp_dates ("as of the end of day d", local time), its agency
-- resolved as of d, and for each rule the day the condition began (the "since"), or NULL when it does not hold on d.
-- Convention for every threshold: a condition that starts N days/months after an event holds from day event + N on
-- (DuckDB month arithmetic clamps to the month's end: 31/08 + 6 months = 28/02, or 29/02 in a leap year).
-- Thresholds are bound from the profile; a NULL threshold makes its column NULL (the rule does not apply).
CREATE OR REPLACE TEMP TABLE cmp_state AS
WITH base AS (
  SELECT
    dt.d, m.address, m.kind, m.status, m.display_name, m.department, m.title,
    m.agency_code AS registry_agency,
    coalesce(a0.code, a1.code, a2.code, a3.code) AS agency_code,
    coalesce(local_day(m.created_at, $offsetMinutes), v.first_seen) AS created_day,
    -- Still on the password the centre issued: Zimbra's must-change flag, or never changed since creation.
    m.must_change_password IS TRUE
      OR (m.password_changed_at IS NOT NULL AND m.created_at IS NOT NULL
          AND m.password_changed_at <= m.created_at + INTERVAL 1 MINUTE) AS on_default,
    -- When that default password was issued: a reset (must-change set after creation) restarts the grace.
    CASE WHEN m.must_change_password IS TRUE AND m.password_changed_at > m.created_at THEN m.password_changed_at
         ELSE coalesce(m.created_at, m.password_changed_at) END AS default_at,
    local_day(m.password_changed_at, $offsetMinutes) AS password_day,
    m.must_change_password IS TRUE OR m.password_changed_at IS NOT NULL AS password_known,
    coalesce(nullif(m.quota_mb, 0), $quotaMb) AS quota_mb,
    -- the quota the registry provisions (0 is Zimbra's "unlimited"), for the check against the regulation's figure
    nullif(m.quota_mb, 0) AS own_quota_mb,
    act.used_mb,
    local_day(act.last_login_at, $offsetMinutes) AS lastlogon_day,
    act.last_login_at,
    lg.login_day,
    lg.sent_day,
    CASE WHEN m.status = 'locked' THEN v.status_from END AS locked_from,
    CASE WHEN m.status = 'active' AND v.status_before = 'locked' THEN v.status_from END AS reopened_from,
    v.fwd_from, v.ext_targets
  FROM cmp_dates dt
  JOIN mailboxes m ON in_force_on(m.seen_from, m.seen_to, dt.d)
  -- the night's fast-changing facts from the latest export on or before d
  LEFT JOIN cmp_nights n ON n.d = dt.d
  JOIN cmp_versions v ON v.address = m.address AND v.seen_from = m.seen_from
  LEFT JOIN cmp_agency_at a0 ON a0.d = dt.d AND a0.code = m.agency_code
  LEFT JOIN cmp_successor s1 ON s1.code = m.agency_code
  LEFT JOIN cmp_agency_at a1 ON a1.d = dt.d AND a1.code = s1.successor
  LEFT JOIN cmp_successor s2 ON s2.code = s1.successor
  LEFT JOIN cmp_agency_at a2 ON a2.d = dt.d AND a2.code = s2.successor
  LEFT JOIN cmp_successor s3 ON s3.code = s2.successor
  LEFT JOIN cmp_agency_at a3 ON a3.d = dt.d AND a3.code = s3.successor
  LEFT JOIN cmp_activity act ON act.export_date = n.night AND act.address = m.address
  LEFT JOIN cmp_use_last lg ON lg.address = m.address AND lg.d = dt.d
),
used AS (
  SELECT b.*,
    -- The last day the mailbox may have been used (schema/003_figures.sql: exact logins and sending days as they
    -- are, Zimbra's weekly stamp with its margin, SPEC §3.2).
    last_use_day(b.login_day, b.sent_day, b.lastlogon_day, b.d) AS use_day
  FROM base b
),
due AS (
  SELECT *,
    -- Inactivity counts from creation, the last (possible) use, or a restore after a lock, whichever is latest.
    greatest(created_day, use_day, reopened_from) AS access_day,
    CASE WHEN status = 'active' AND on_default THEN
      CASE WHEN $graceDays > 0 THEN local_day(default_at, $offsetMinutes) + $graceDays
           -- grace 0 (change at the first login): evidence of a login after the default was issued; the day of the
           -- latest such login here, refined to the first one for findings (firstLogin.sql)
           WHEN $graceDays = 0 AND (last_login_at > default_at OR login_day > local_day(default_at, $offsetMinutes))
             THEN greatest(login_day, lastlogon_day) END END AS password_default_due,
    CASE WHEN status = 'active' AND NOT on_default THEN CAST(password_day + to_months($changeMonths) AS DATE)
      END AS password_stale_due,
    CASE WHEN status = 'locked' THEN locked_from + $lockedRevokeDays END AS locked_revoke_due,
    CASE WHEN status = 'active' AND $forwardForbidden AND len(ext_targets) > 0 THEN fwd_from END AS forward_due
  FROM used
)
SELECT d, address, kind, status, display_name, department, title, registry_agency, agency_code,
  created_day, on_default, default_at, local_day(default_at, $offsetMinutes) AS default_day, password_known,
  password_day, quota_mb, own_quota_mb, used_mb, lastlogon_day, login_day, sent_day, use_day,
  access_day, locked_from, ext_targets,
  CASE WHEN password_default_due <= d THEN password_default_due END AS password_default_since,
  CASE WHEN password_stale_due <= d THEN password_stale_due END AS password_stale_since,
  CASE WHEN status = 'active' AND CAST(access_day + to_months($revokeMonths) AS DATE) <= d
    THEN CAST(access_day + to_months($revokeMonths) AS DATE) END AS inactive_revoke_since,
  CASE WHEN status = 'active' AND access_day + $lockDays <= d THEN access_day + $lockDays END AS inactive_lock_since,
  CASE WHEN locked_revoke_due <= d THEN locked_revoke_due END AS locked_revoke_since,
  CASE WHEN forward_due <= d THEN forward_due END AS forward_since,
  CASE WHEN status = 'active' AND kind = 'co-quan' AND access_day + $windowDays <= d
    THEN access_day + $windowDays END AS unread_since,
  -- Used within the look-back (the profile's regularUseDays): some (possible) use on one of the last windowDays days.
  CASE WHEN $windowDays IS NOT NULL THEN status = 'active' AND used_within(use_day, d, $windowDays) END AS used_recent
FROM due;

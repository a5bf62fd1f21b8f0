-- Registry history per mailbox version: when the current status streak began (and what came before it), and since
-- when the mailbox has forwarded outside the province's domain without interruption (002 Điều 9 khoản 3).
-- A forwarding target is internal when its domain is the profile's domain or a subdomain of it; a target with no
-- domain is a local name, hence internal.
CREATE OR REPLACE TEMP TABLE cmp_versions AS
WITH hist AS (
  SELECT address, seen_from, seen_to, status,
    list_sort(list_filter(coalesce(forward_to, []), t ->
      lower(trim(split_part(t, '@', 2))) NOT IN ('', $domain)
      AND NOT ends_with(lower(trim(split_part(t, '@', 2))), '.' || $domain))) AS ext_targets
  FROM mailboxes
),
marked AS (
  SELECT *,
    lag(status) OVER w AS prev_status,
    CASE WHEN lag(status) OVER w = status AND lag(seen_to) OVER w = seen_from THEN 0 ELSE 1 END AS status_break,
    CASE WHEN len(ext_targets) > 0 AND len(lag(ext_targets) OVER w) > 0 AND lag(seen_to) OVER w = seen_from
      THEN 0 ELSE 1 END AS fwd_break
  FROM hist
  WINDOW w AS (PARTITION BY address ORDER BY seen_from)
),
numbered AS (
  SELECT *,
    sum(status_break) OVER w AS status_sid,
    sum(fwd_break) OVER w AS fwd_sid
  FROM marked
  WINDOW w AS (PARTITION BY address ORDER BY seen_from ROWS UNBOUNDED PRECEDING)
)
SELECT address, seen_from, ext_targets,
  min(seen_from) OVER (PARTITION BY address) AS first_seen,
  min(seen_from) OVER (PARTITION BY address, status_sid) AS status_from,
  first_value(prev_status) OVER (PARTITION BY address, status_sid ORDER BY seen_from) AS status_before,
  CASE WHEN len(ext_targets) > 0 THEN min(seen_from) OVER (PARTITION BY address, fwd_sid) END AS fwd_from
FROM numbered;

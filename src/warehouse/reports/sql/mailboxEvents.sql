-- Mailbox events in [$from, $to] per agency code recorded on the mailbox at the event (mailboxes are kept as
-- versions, seen_to exclusive). issued: the first version, on its creation day (or the night it was first seen when
-- the registry has no creation time and it appeared after the first night of data); locked / revoked: a version whose
-- status turned locked / closed, or a mailbox that left the registry (revoked on the night it was last replaced);
-- changed: any other new version (unlocked, moved, renamed, quota or forwarding changed).
WITH v AS (
  SELECT address, seen_from, seen_to, status, agency_code, created_at,
    lag(status) OVER w AS prev_status,
    row_number() OVER w AS n,
    lead(seen_from) OVER w AS next_from
  FROM mailboxes
  WINDOW w AS (PARTITION BY address ORDER BY seen_from)
),
first_night AS (SELECT min(seen_from) AS d FROM mailboxes),
events AS (
  SELECT agency_code, 'issued' AS ev,
    coalesce(CAST(timezone($tz, created_at) AS DATE), CASE WHEN seen_from > (SELECT d FROM first_night) THEN seen_from END) AS day
  FROM v WHERE n = 1
  UNION ALL
  SELECT agency_code,
    CASE WHEN status = 'locked' AND prev_status <> 'locked' THEN 'locked'
         WHEN status = 'closed' AND prev_status <> 'closed' THEN 'revoked'
         ELSE 'changed' END,
    seen_from
  FROM v WHERE n > 1
  UNION ALL
  SELECT agency_code, 'revoked', seen_to FROM v WHERE seen_to IS NOT NULL AND next_from IS NULL AND status <> 'closed'
)
SELECT coalesce(agency_code, '') AS code,
  CAST(count(*) FILTER (WHERE ev = 'issued') AS INTEGER) AS issued,
  CAST(count(*) FILTER (WHERE ev = 'changed') AS INTEGER) AS changed,
  CAST(count(*) FILTER (WHERE ev = 'locked') AS INTEGER) AS locked,
  CAST(count(*) FILTER (WHERE ev = 'revoked') AS INTEGER) AS revoked
FROM events
WHERE day BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
GROUP BY 1
ORDER BY 1;

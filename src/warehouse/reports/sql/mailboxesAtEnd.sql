-- The registry on $end (the period's last day, or the last night of data if earlier) per agency code recorded on the
-- mailbox: active personal and agency mailboxes, locked ones, personal mailboxes used in the period (their last use
-- on or before $end, schema/003_figures.sql: a login, mail sent, or Zimbra's weekly stamp with its margin, falls in
-- the period), and storage used (latest nightly figure on or before $end).
WITH m AS (
  SELECT * FROM mailboxes_on(CAST($end AS DATE))
),
used AS (
  SELECT address, arg_max(used_mb, export_date) AS used_mb FROM mailbox_activity
  WHERE export_date <= CAST($end AS DATE) GROUP BY address
),
seen AS (
  SELECT address, use_day FROM mailbox_use_on(CAST($end AS DATE), $offsetMinutes)
)
SELECT coalesce(m.agency_code, '') AS code,
  CAST(count(*) FILTER (WHERE m.status = 'active' AND m.kind = 'ca-nhan') AS INTEGER) AS active_personal,
  CAST(count(*) FILTER (WHERE m.status = 'active' AND m.kind = 'co-quan') AS INTEGER) AS active_agency,
  CAST(count(*) FILTER (WHERE m.status = 'locked') AS INTEGER) AS locked_now,
  CAST(count(*) FILTER (WHERE m.status = 'active' AND m.kind = 'ca-nhan'
    AND s.use_day >= CAST($from AS DATE)) AS INTEGER) AS used_in_period,
  CAST(round(coalesce(sum(u.used_mb), 0), 1) AS DOUBLE) AS used_mb
FROM m
LEFT JOIN used u ON u.address = m.address
LEFT JOIN seen s ON s.address = m.address
WHERE m.status <> 'closed'
GROUP BY 1
ORDER BY 1;

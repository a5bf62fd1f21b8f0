-- Mailboxes (active or locked) on $asOf provisioned with less than the regulation gives every mailbox ($quotaMb:
-- 002 Điều 7, 02GB; 003 Điều 8 khoản 1, 500MB). Only a quota the registry states counts: none means the profile's,
-- 0 Zimbra's "unlimited". "since": the first night of the unbroken run of registry versions with a quota below it.
WITH below AS (
  SELECT * FROM cmp_state
  WHERE d = CAST($asOf AS DATE) AND status IN ('active', 'locked') AND own_quota_mb < $quotaMb
),
last_ok AS (
  SELECT b.address, max(v.seen_from) AS seen_from
  FROM below b
  JOIN mailboxes v ON v.address = b.address AND v.seen_from <= b.d
  WHERE NOT coalesce(nullif(v.quota_mb, 0) < $quotaMb, false)
  GROUP BY b.address
)
SELECT 'quota-below-regulation' AS rule_id,
  (SELECT min(v.seen_from) FROM mailboxes v
    WHERE v.address = b.address AND v.seen_from <= b.d AND (o.seen_from IS NULL OR v.seen_from > o.seen_from)) AS since,
  b.address, b.display_name, b.kind, b.status, b.department, b.title, b.agency_code, a.name AS agency_name,
  b.registry_agency, b.own_quota_mb AS quota_mb
FROM below b
LEFT JOIN last_ok o USING (address)
LEFT JOIN cmp_agency_at a ON a.d = b.d AND a.code = b.agency_code
ORDER BY b.address;

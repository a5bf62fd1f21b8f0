-- Agencies (and departments registered as agencies) in force on $asOf with no active agency mailbox ("co-quan")
-- among the mailboxes resolved to them on that date. "since": the night the last active one stopped being active,
-- else the agency's start or the first night of data, whichever is later.
WITH agencies_on AS (
  SELECT * FROM cmp_agency_at WHERE d = CAST($asOf AS DATE)
),
with_mailbox AS (
  SELECT DISTINCT agency_code FROM cmp_state
  WHERE d = CAST($asOf AS DATE) AND kind = 'co-quan' AND status = 'active' AND agency_code IS NOT NULL
),
ended AS (
  SELECT agency_code, max(seen_to) AS last_end FROM mailboxes
  WHERE kind = 'co-quan' AND status = 'active' AND seen_to <= CAST($asOf AS DATE)
  GROUP BY agency_code
)
SELECT 'agency-mailbox-missing' AS rule_id,
  coalesce(e.last_end, greatest((SELECT min(valid_from) FROM agencies x WHERE x.code = a.code),
                                (SELECT min(seen_from) FROM mailboxes))) AS since,
  a.code AS agency_code, a.name AS agency_name, a.kind AS agency_kind, p.kind AS parent_kind, e.last_end
FROM agencies_on a
LEFT JOIN agencies_on p ON p.code = a.parent_code
LEFT JOIN with_mailbox w ON w.agency_code = a.code
LEFT JOIN ended e ON e.agency_code = a.code
WHERE w.agency_code IS NULL;

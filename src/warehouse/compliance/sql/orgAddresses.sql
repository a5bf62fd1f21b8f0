-- Active agency mailboxes ("co-quan") on $asOf with the agency-list facts their address is built from (002 Điều 3
-- khoản 1–2; 003 Điều 3 khoản 1; 004 Điều 5 khoản 1): the agency they belong to on that day (successors followed)
-- and its parent, each with kind, abbreviation and name.
SELECT s.address, s.display_name, s.agency_code, a.name AS agency_name, a.kind AS agency_kind, a.abbr AS agency_abbr,
  p.kind AS parent_kind, p.abbr AS parent_abbr, p.name AS parent_name, s.created_day
FROM cmp_state s
JOIN cmp_agency_at a ON a.d = s.d AND a.code = s.agency_code
LEFT JOIN cmp_agency_at p ON p.d = s.d AND p.code = a.parent_code
WHERE s.d = CAST($asOf AS DATE) AND s.kind = 'co-quan' AND s.status = 'active'
ORDER BY s.address;

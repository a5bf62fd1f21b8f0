-- Active personal mailboxes on $asOf with the name and agency abbreviation their address should be built from.
SELECT s.address, s.display_name, s.agency_code, a.name AS agency_name, a.abbr AS agency_abbr, s.created_day
FROM cmp_state s
LEFT JOIN cmp_agency_at a ON a.d = s.d AND a.code = s.agency_code
WHERE s.d = CAST($asOf AS DATE) AND s.kind = 'ca-nhan' AND s.status = 'active'
  AND s.display_name IS NOT NULL AND trim(s.display_name) <> ''
ORDER BY s.address;

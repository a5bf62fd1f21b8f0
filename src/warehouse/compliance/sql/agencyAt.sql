-- The agency version in force on each date of cmp_dates (SPEC §3.1: valid_from inclusive, valid_to exclusive).
-- Overlapping versions of one code (bad exports) resolve to the latest valid_from, so each (d, code) is one row.
CREATE OR REPLACE TEMP TABLE cmp_agency_at AS
SELECT dt.d, a.code, a.valid_from, a.name, a.abbr, a.kind, a.grp, a.headcount, a.parent_code
FROM cmp_dates dt
JOIN agencies a ON in_force_on(a.valid_from, a.valid_to, dt.d)
QUALIFY row_number() OVER (PARTITION BY dt.d, a.code ORDER BY a.valid_from DESC) = 1;

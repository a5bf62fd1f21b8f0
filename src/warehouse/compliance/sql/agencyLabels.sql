-- Name, group and kind of each agency as in force on the last observation day of its span in period $periodId.
SELECT s.code, a.name, a.grp, a.kind
FROM (SELECT code, max(CAST(d AS DATE)) AS d FROM cmp_samples WHERE period = $periodId GROUP BY code) s
JOIN cmp_agency_at a ON a.d = s.d AND a.code = s.code
ORDER BY s.code;

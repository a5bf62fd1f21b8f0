-- Export text that was not Unicode TCVN 6909:2001 (002 Điều 5 khoản 2), for the nights from $eventsFrom through $asOf:
-- rows or files quarantined because of a legacy encoding (TCVN3 / VNI; UTF-16 is Unicode and does not count), and
-- files or cells that ingest converted from a legacy encoding (its run warnings).
SELECT 'text-not-unicode' AS rule_id, export_date AS since, file, line, reason
FROM quarantine
WHERE export_date BETWEEN CAST($eventsFrom AS DATE) AND CAST($asOf AS DATE)
  AND regexp_matches(reason, '(TCVN3|TCVN 5712|VNI|không phải Unicode|không dùng Unicode)', 'i')
UNION ALL
SELECT 'text-not-unicode', r.export_date, split_part(w.warning, ':', 1), NULL, w.warning
FROM ingest_runs r, unnest(from_json(r.warnings, '["VARCHAR"]')) AS w(warning)
WHERE r.export_date BETWEEN CAST($eventsFrom AS DATE) AND CAST($asOf AS DATE)
  AND w.warning LIKE '%bảng mã%đã được chuyển sang Unicode%'
ORDER BY since, file, line NULLS FIRST, reason;

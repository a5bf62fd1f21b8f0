-- Export rows quarantined because their text was not Unicode TCVN 6909:2001 (legacy TCVN3 / VNI encodings; UTF-16
-- is Unicode and does not count), for the nights from $eventsFrom through $asOf.
SELECT 'text-not-unicode' AS rule_id, export_date AS since, file, line, column_name, reason
FROM quarantine
WHERE export_date BETWEEN CAST($eventsFrom AS DATE) AND CAST($asOf AS DATE)
  AND regexp_matches(reason, '(TCVN3|TCVN 5712|VNI|không phải Unicode|không dùng Unicode)', 'i');

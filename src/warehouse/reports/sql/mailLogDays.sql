-- The days of [$from, $to] with mail-log aggregates, oldest first (to list the gaps).
SELECT DISTINCT CAST(day AS VARCHAR) AS day FROM mail_daily_totals
WHERE day BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
ORDER BY 1;

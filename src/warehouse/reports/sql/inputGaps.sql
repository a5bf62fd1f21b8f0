-- Files missing or unreadable on the nights of [$from, $to], loaded anyway with --partial (ingest_runs.gaps), from
-- the last run of each night: a night loaded again whole has no gap left. Oldest night first.
WITH last_runs AS (
  SELECT export_date, gaps FROM ingest_runs
   WHERE export_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
  QUALIFY row_number() OVER (PARTITION BY export_date ORDER BY run_id DESC) = 1
)
SELECT CAST(export_date AS VARCHAR) AS night, g ->> 'file' AS file, g ->> 'reason' AS reason
  FROM last_runs, unnest(CAST(coalesce(gaps, '[]') AS JSON[])) AS t(g)
 ORDER BY export_date, file;

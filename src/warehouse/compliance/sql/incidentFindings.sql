-- Incidents reported later than the profile's deadline (hours after occurrence, 001 Điều 11 khoản 2 điểm i), among
-- incidents that occurred from $eventsFrom through $asOf, plus earlier ones still unreported at the end of $asOf (an
-- unreported incident counts once its deadline has passed). "since": the local day the deadline passed.
WITH bounds AS (
  SELECT timezone($tz, CAST(CAST($eventsFrom AS DATE) AS TIMESTAMP)) AS from_at,
         timezone($tz, CAST(CAST($asOf AS DATE) + 1 AS TIMESTAMP)) AS end_at
),
due AS (
  SELECT i.*, i.occurred_at + to_minutes(CAST(round($incidentHours * 60) AS BIGINT)) AS due_at
  FROM incidents i, bounds b
  WHERE $incidentHours IS NOT NULL AND i.occurred_at < b.end_at
    AND (i.occurred_at >= b.from_at OR i.reported_at IS NULL OR i.reported_at >= b.end_at)
)
SELECT 'incident-late' AS rule_id, CAST(timezone($tz, due_at) AS DATE) AS since, id, kind, severity, summary,
  strftime(timezone($tz, occurred_at), '%Y-%m-%d %H:%M') AS occurred_local,
  strftime(timezone($tz, reported_at), '%Y-%m-%d %H:%M') AS reported_local,
  strftime(timezone($tz, due_at), '%Y-%m-%d %H:%M') AS due_local
FROM due, bounds b
WHERE coalesce(reported_at, b.end_at) > due_at AND due_at < b.end_at;

-- Incidents that occurred in [$from, $to] (local days), with local times, the hours taken to report and whether the
-- report came within the profile's deadline ($incidentHours; NULL when the regulation sets no number of hours).
-- An incident not reported by the end of $evalTo is not within the deadline once the deadline has passed.
SELECT id, kind, severity, summary,
  strftime(timezone($tz, occurred_at), '%Y-%m-%d %H:%M') AS occurred_local,
  strftime(timezone($tz, reported_at), '%Y-%m-%d %H:%M') AS reported_local,
  CAST(round(epoch(reported_at - occurred_at) / 3600.0, 1) AS DOUBLE) AS hours_to_report,
  CASE
    WHEN $incidentHours IS NULL THEN NULL
    WHEN reported_at IS NOT NULL THEN epoch(reported_at - occurred_at) <= $incidentHours * 3600
    WHEN occurred_at + to_minutes(CAST(round($incidentHours * 60) AS BIGINT))
         < timezone($tz, CAST(CAST($evalTo AS DATE) + 1 AS TIMESTAMP)) THEN false
  END AS within_deadline
FROM incidents
WHERE CAST(timezone($tz, occurred_at) AS DATE) BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
ORDER BY occurred_at, id;

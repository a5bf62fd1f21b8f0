-- Requests (phiếu yêu cầu) that can be late within the scope: received by the end of $asOf and either received
-- from $eventsFrom on, or not completed before $eventsFrom. The deadline itself is computed by the working-day
-- calendar (TS), which needs the instant of receipt; it is returned in UTC ISO form.
SELECT id, type, strftime(timezone('UTC', received_at), '%Y-%m-%dT%H:%M:%SZ') AS received_utc
FROM requests
WHERE received_at < timezone($tz, CAST(CAST($asOf AS DATE) + 1 AS TIMESTAMP))
  AND (received_at >= timezone($tz, CAST(CAST($eventsFrom AS DATE) AS TIMESTAMP))
       OR completed_at IS NULL
       OR completed_at >= timezone($tz, CAST(CAST($eventsFrom AS DATE) AS TIMESTAMP)))
ORDER BY id;

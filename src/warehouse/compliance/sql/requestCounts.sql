-- Requests received in [$from, $to] per requesting agency, the agency as in force on the day of receipt (successor
-- followed if the registry still used a closed code). Decided = completed by the end of $evalTo, or not completed
-- with the deadline day over before $evalTo; on time = completed on or before the deadline day (cmp_request_due).
WITH r AS (
  SELECT q.id, q.agency_code, CAST(d.due AS DATE) AS due_day,
    CAST(timezone($tz, q.received_at) AS DATE) AS received_day,
    CASE WHEN CAST(timezone($tz, q.completed_at) AS DATE) <= CAST($evalTo AS DATE)
      THEN CAST(timezone($tz, q.completed_at) AS DATE) END AS done_day
  FROM requests q
  JOIN cmp_request_due d ON d.id = q.id
  WHERE CAST(timezone($tz, q.received_at) AS DATE) BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
),
resolved AS (
  SELECT r.*,
    coalesce(
      (SELECT any_value(a.code) FROM agencies a WHERE a.code = r.agency_code
         AND in_force_on(a.valid_from, a.valid_to, r.received_day)),
      (SELECT any_value(a.code) FROM agencies a JOIN cmp_successor s ON a.code = s.successor
         WHERE s.code = r.agency_code AND in_force_on(a.valid_from, a.valid_to, r.received_day))) AS code
  FROM r
)
SELECT code,
  CAST(count(*) FILTER (WHERE done_day IS NOT NULL AND done_day <= due_day) AS INTEGER) AS on_time,
  CAST(count(*) FILTER (WHERE done_day IS NOT NULL OR due_day < CAST($evalTo AS DATE)) AS INTEGER) AS decided
FROM resolved
WHERE code IS NOT NULL
GROUP BY code
ORDER BY code;

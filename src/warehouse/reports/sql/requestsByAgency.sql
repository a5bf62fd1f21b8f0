-- Requests (phiếu yêu cầu) received in [$from, $to] per requesting agency code, judged at the end of $evalTo against
-- the working-day deadline in cmp_request_due (filled by compliance prepareRequestDeadlines): done on time, done late, still
-- open past the deadline (late), open and not yet due, and types the profile sets no deadline for.
WITH r AS (
  SELECT q.id, coalesce(q.agency_code, '') AS code,
    CAST(d.due AS DATE) AS due_day,
    CASE WHEN CAST(timezone($tz, q.completed_at) AS DATE) <= CAST($evalTo AS DATE)
      THEN CAST(timezone($tz, q.completed_at) AS DATE) END AS done_day
  FROM requests q
  LEFT JOIN cmp_request_due d ON d.id = q.id
  WHERE CAST(timezone($tz, q.received_at) AS DATE) BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
)
SELECT code,
  CAST(count(*) AS INTEGER) AS received,
  CAST(count(*) FILTER (WHERE done_day IS NOT NULL) AS INTEGER) AS done,
  CAST(count(*) FILTER (WHERE due_day IS NOT NULL AND done_day IS NOT NULL AND done_day <= due_day) AS INTEGER) AS on_time,
  CAST(count(*) FILTER (WHERE due_day IS NOT NULL AND (done_day > due_day
    OR (done_day IS NULL AND due_day < CAST($evalTo AS DATE)))) AS INTEGER) AS late,
  CAST(count(*) FILTER (WHERE due_day IS NOT NULL AND done_day IS NULL AND due_day >= CAST($evalTo AS DATE)) AS INTEGER) AS open_not_due,
  CAST(count(*) FILTER (WHERE due_day IS NULL) AS INTEGER) AS no_deadline
FROM r
GROUP BY code
ORDER BY code;

-- Requests done late, in working days (deadline per request in cmp_request_due, computed by the calendar): completed
-- on a local day after the deadline day, or still not completed on $asOf, a day after the deadline day.
-- "since": the first day past the deadline. Agency: the requesting agency as in force on $asOf (successors followed).
WITH r AS (
  SELECT q.id, q.type, q.agency_code AS registry_agency, d.working_days,
    CAST(d.due AS DATE) AS due_day,
    CAST(timezone($tz, q.received_at) AS DATE) AS received_day,
    CASE WHEN CAST(timezone($tz, q.completed_at) AS DATE) <= CAST($asOf AS DATE)
      THEN CAST(timezone($tz, q.completed_at) AS DATE) END AS done_day
  FROM requests q
  JOIN cmp_request_due d ON d.id = q.id
)
SELECT r.id, r.type, r.working_days, r.due_day + 1 AS since, r.due_day, r.received_day, r.done_day,
  coalesce(a0.code, a1.code, a2.code, r.registry_agency) AS agency_code,
  coalesce(a0.name, a1.name, a2.name, (SELECT arg_max(x.name, x.valid_from) FROM agencies x WHERE x.code = r.registry_agency))
    AS agency_name
FROM r
LEFT JOIN cmp_agency_at a0 ON a0.d = CAST($asOf AS DATE) AND a0.code = r.registry_agency
LEFT JOIN cmp_successor s1 ON s1.code = r.registry_agency
LEFT JOIN cmp_agency_at a1 ON a1.d = CAST($asOf AS DATE) AND a1.code = s1.successor
LEFT JOIN cmp_successor s2 ON s2.code = s1.successor
LEFT JOIN cmp_agency_at a2 ON a2.d = CAST($asOf AS DATE) AND a2.code = s2.successor
WHERE (r.done_day IS NOT NULL AND r.done_day > r.due_day)
   OR (r.done_day IS NULL AND r.due_day < CAST($asOf AS DATE));

-- Agencies that existed at any time in the period [$from, $to], each with the span observed: from the later of the
-- period start, its first day and the first night of data, to the earlier of the period end, its last day (valid_to
-- is exclusive) and the last night of data. A merged or renamed-away agency keeps its own code and span.
SELECT code,
  CAST(greatest(min(valid_from), CAST($from AS DATE), CAST($dataFrom AS DATE)) AS VARCHAR) AS eval_from,
  CAST(least(max(coalesce(valid_to - 1, CAST($to AS DATE))), CAST($to AS DATE), CAST($dataTo AS DATE)) AS VARCHAR) AS eval_to
FROM agencies
WHERE in_force_during(valid_from, valid_to, CAST($from AS DATE), CAST($to AS DATE))
GROUP BY code
HAVING eval_from <= eval_to
ORDER BY code;

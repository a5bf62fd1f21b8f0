-- Agencies that existed at any time in [$from, $to] (agencies keep history: valid_to is exclusive), each under its
-- name as in force on the last day it existed within the period, with the days it existed there and, when it ended
-- inside the period, the agency it merged into. A merged agency and its successor both appear, each for its own days.
-- Kind and parent are those of the same last version (the report rolls sub-units up into their agency).
WITH v AS (
  SELECT * FROM agencies
  WHERE in_force_during(valid_from, valid_to, CAST($from AS DATE), CAST($to AS DATE))
)
SELECT code,
  arg_max(name, valid_from) AS name,
  arg_max(grp, valid_from) AS grp,
  arg_max(kind, valid_from) AS kind,
  arg_max(parent_code, valid_from) AS parent_code,
  CAST(greatest(min(valid_from), CAST($from AS DATE)) AS VARCHAR) AS exists_from,
  CAST(least(max(coalesce(valid_to - 1, CAST($to AS DATE))), CAST($to AS DATE)) AS VARCHAR) AS exists_to,
  CAST(arg_max(valid_to, valid_from) AS VARCHAR) AS ended_on,
  arg_max(successor_code, valid_from) AS successor_code
FROM v
GROUP BY code
ORDER BY code;

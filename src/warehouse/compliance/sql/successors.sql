-- Where a closed agency went (merger, rename to a new code): the latest successor_code recorded for each code.
-- A mailbox still registered under a closed code is counted, as of a date, under the successor then in force.
CREATE OR REPLACE TEMP TABLE cmp_successor AS
SELECT code, arg_max(successor_code, valid_from) FILTER (WHERE successor_code IS NOT NULL) AS successor
FROM agencies
GROUP BY code
HAVING successor IS NOT NULL;

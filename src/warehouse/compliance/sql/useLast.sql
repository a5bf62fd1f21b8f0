-- Exact evidence of use, per mailbox and date d of cmp_dates: the last local day on or before d with a login (optional
-- logins.csv, SPEC §3.2) and the last day it sent mail (mail-log usage, cmp_sent_days; sending needs a login).
-- One pass over each source: a day is mapped to the first date of cmp_dates on or after it, the maximum is taken per
-- mailbox and date, then carried forward to later dates (one row per mailbox with evidence and date; NULL before
-- its first). Login instants become local days by the fixed offset $offsetMinutes (Vietnam has no DST).
CREATE OR REPLACE TEMP TABLE cmp_use_last AS
WITH span AS (
  SELECT
    least(
      (SELECT CAST(local_day(min(time), $offsetMinutes) - DATE '1970-01-01' AS INTEGER) FROM logins),
      (SELECT CAST(min(day) - DATE '1970-01-01' AS INTEGER) FROM cmp_sent_days)) AS lo,
    (SELECT CAST(max(d) - DATE '1970-01-01' AS INTEGER) FROM cmp_dates) AS hi
),
bucket_of AS (
  -- every day number from the first evidence to the last date, with the first date of cmp_dates on or after it
  SELECT n.dayno, min(dt.d) AS d
  FROM (SELECT unnest(range(lo, hi + 1)) AS dayno FROM span WHERE lo <= hi) n
  JOIN cmp_dates dt ON dt.d >= DATE '1970-01-01' + CAST(n.dayno AS INTEGER)
  GROUP BY n.dayno
),
evidence AS (
  SELECT address, (epoch_us(time) + CAST($offsetMinutes AS BIGINT) * 60000000) // 86400000000 AS dayno, true AS login
  FROM logins
  UNION ALL
  SELECT address, CAST(day - DATE '1970-01-01' AS BIGINT) AS dayno, false AS login
  FROM cmp_sent_days
),
per_bucket AS (
  SELECT e.address, b.d,
    max(b.dayno) FILTER (WHERE e.login) AS login_dayno,
    max(b.dayno) FILTER (WHERE NOT e.login) AS sent_dayno
  FROM evidence e
  JOIN bucket_of b ON b.dayno = e.dayno
  GROUP BY e.address, b.d
),
dense AS (
  SELECT a.address, dt.d, p.login_dayno, p.sent_dayno
  FROM (SELECT DISTINCT address FROM per_bucket) a
  CROSS JOIN cmp_dates dt
  LEFT JOIN per_bucket p ON p.address = a.address AND p.d = dt.d
)
SELECT address, d,
  DATE '1970-01-01' + CAST(max(login_dayno) OVER w AS INTEGER) AS login_day,
  DATE '1970-01-01' + CAST(max(sent_dayno) OVER w AS INTEGER) AS sent_day
FROM dense
WINDOW w AS (PARTITION BY address ORDER BY d ROWS UNBOUNDED PRECEDING);

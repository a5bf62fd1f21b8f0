-- Exact logins (optional logins.csv, SPEC §3.2): for each mailbox and each date d of cmp_dates, the last local day on
-- or before d with a login. One pass over the log: each login's local day (fixed offset $offsetMinutes, Vietnam has
-- no DST) is mapped to the first date of cmp_dates on or after it, the maximum is taken per mailbox and date, then
-- carried forward to later dates (one row per mailbox with logins and date; NULL before its first login).
CREATE OR REPLACE TEMP TABLE cmp_login_last AS
WITH span AS (
  SELECT
    (SELECT CAST(cmp_local_day(min(time), $offsetMinutes) - DATE '1970-01-01' AS INTEGER) FROM logins) AS lo,
    (SELECT CAST(max(d) - DATE '1970-01-01' AS INTEGER) FROM cmp_dates) AS hi
),
bucket_of AS (
  -- every day number from the first login to the last date, with the first date of cmp_dates on or after it
  SELECT n.dayno, min(dt.d) AS d
  FROM (SELECT unnest(range(lo, hi + 1)) AS dayno FROM span WHERE lo <= hi) n
  JOIN cmp_dates dt ON dt.d >= DATE '1970-01-01' + CAST(n.dayno AS INTEGER)
  GROUP BY n.dayno
),
per_bucket AS (
  SELECT l.address, b.d, max(b.dayno) AS dayno
  FROM logins l
  JOIN bucket_of b ON b.dayno = (epoch_us(l.time) + CAST($offsetMinutes AS BIGINT) * 60000000) // 86400000000
  GROUP BY l.address, b.d
),
dense AS (
  SELECT a.address, dt.d, p.dayno
  FROM (SELECT DISTINCT address FROM per_bucket) a
  CROSS JOIN cmp_dates dt
  LEFT JOIN per_bucket p ON p.address = a.address AND p.d = dt.d
)
SELECT address, d,
  DATE '1970-01-01' + CAST(max(dayno) OVER (PARTITION BY address ORDER BY d ROWS UNBOUNDED PRECEDING) AS INTEGER)
    AS login_day
FROM dense;

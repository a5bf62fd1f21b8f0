-- One definition per figure (STYLE §12, issue 16): the conditions and figures that several readers of the warehouse
-- share — the compliance state behind scores and findings (src/warehouse/compliance/sql/), the dashboard, the agency
-- pages, the reports to UBND and the explore page's Parquet files — written once here and read by all of them.
-- Stored in the warehouse (this schema step runs on every write, so each statement replaces its macro); a warehouse
-- last written by an older version gets them as temporary macros when opened read-only (src/warehouse/open.ts).
-- The regular-use and coverage counts themselves are the ranking's (compliance/sql/agencyCriteria.sql, per agency
-- and day over the state built with these macros); the dashboard and agency pages read them through the compliance
-- session, never a query of their own.

-- A version in force on day d: valid from `first_day` (inclusive) until `end_day` (exclusive; NULL = still in force).
-- Agencies: valid_from / valid_to (SPEC §3.1); mailboxes: seen_from / seen_to (export nights).
CREATE OR REPLACE MACRO in_force_on(first_day, end_day, d) AS first_day <= d AND (end_day IS NULL OR end_day > d);

-- A version in force on some day of [from_day, to_day] (both inclusive): an agency that existed in a period.
CREATE OR REPLACE MACRO in_force_during(first_day, end_day, from_day, to_day) AS
  first_day <= to_day AND (end_day IS NULL OR end_day > from_day);

-- Mailbox versions in force on day d (the registry as it stood at the end of that day).
CREATE OR REPLACE MACRO mailboxes_on(d) AS TABLE
  SELECT * FROM mailboxes WHERE in_force_on(seen_from, seen_to, CAST(d AS DATE));

-- Agencies in force on day d, one row per code: overlapping versions of one code (bad exports) resolve to the latest
-- valid_from.
CREATE OR REPLACE MACRO agencies_on(d) AS TABLE
  SELECT * FROM agencies WHERE in_force_on(valid_from, valid_to, CAST(d AS DATE))
  QUALIFY row_number() OVER (PARTITION BY code ORDER BY valid_from DESC) = 1;

-- Local calendar day of an instant, by the zone's fixed offset in minutes (+07:00 for Vietnam, no DST since 1975):
-- plain integer arithmetic, much cheaper than a time-zone lookup per row and independent of the session's TimeZone.
CREATE OR REPLACE MACRO local_day(ts, offset_minutes) AS
  DATE '1970-01-01' + CAST((epoch_us(ts) + CAST(offset_minutes AS BIGINT) * 60000000) // 86400000000 AS INTEGER);

-- Zimbra writes zimbraLastLogonTimestamp at most once every 7 days (its default zimbraLastLogonTimestampFrequency,
-- SPEC §3.2): the real last login can be this many days after the recorded one. LAST_LOGON_PRECISION_DAYS in
-- src/rules/compliance/params.ts says the same for the texts; test/warehouse/figures.test.ts keeps the two equal.
CREATE OR REPLACE MACRO last_logon_margin_days() AS 7;

-- The last day a mailbox may have been used, as of day d: an exact login (logins.csv) or a day it sent mail (sending
-- needs a login) as is; Zimbra's weekly stamp plus its margin (benefit of the doubt, no claim of daily precision),
-- never later than d. NULL without any evidence.
CREATE OR REPLACE MACRO last_use_day(login_day, sent_day, lastlogon_day, d) AS
  greatest(login_day, sent_day,
    CASE WHEN lastlogon_day IS NOT NULL THEN least(lastlogon_day + last_logon_margin_days(), d) END);

-- Used within the look-back (the profile's ranking.regularUseDays, e.g. 002 Điều 12 khoản 3 for soctrang-2024):
-- some (possible) use on one of the last `window_days` days, d included.
CREATE OR REPLACE MACRO used_within(use_day, d, window_days) AS coalesce(use_day > d - window_days, false);

-- Evidence of use per mailbox as of day d: Zimbra's stamp from the latest export night on or before d that has
-- activity rows, the last exact login and the last day it sent mail, each on or before d, and the last use they give;
-- last_login_at is the latest recorded login instant of either source. For one date (the pages, the report, the
-- Parquet files); the compliance state gathers the same for many dates at once (compliance/sql/useLast.sql,
-- nights.sql) and test/cli/sample.test.ts keeps the two equal on a generated warehouse.
CREATE OR REPLACE MACRO mailbox_use_on(d, offset_minutes) AS TABLE
  WITH night AS (
    SELECT max(export_date) AS night FROM mailbox_activity WHERE export_date <= CAST(d AS DATE)
  ),
  stamp AS (
    SELECT a.address, a.last_login_at AS stamp_at, local_day(a.last_login_at, offset_minutes) AS lastlogon_day
    FROM mailbox_activity a JOIN night n ON a.export_date = n.night
  ),
  exact AS (
    SELECT address, max(time) AS login_at, max(local_day(time, offset_minutes)) AS login_day
    FROM logins WHERE local_day(time, offset_minutes) <= CAST(d AS DATE)
    GROUP BY address
  ),
  sent AS (
    SELECT address, max(day) AS sent_day FROM mail_daily_mailbox
    WHERE sent_messages > 0 AND day <= CAST(d AS DATE)
    GROUP BY address
  ),
  evidence AS (
    SELECT address FROM stamp UNION SELECT address FROM exact UNION SELECT address FROM sent
  )
  SELECT e.address, greatest(s.stamp_at, x.login_at) AS last_login_at, s.lastlogon_day, x.login_day, t.sent_day,
    last_use_day(x.login_day, t.sent_day, s.lastlogon_day, CAST(d AS DATE)) AS use_day
  FROM evidence e
  LEFT JOIN stamp s ON s.address = e.address
  LEFT JOIN exact x ON x.address = e.address
  LEFT JOIN sent t ON t.address = e.address;

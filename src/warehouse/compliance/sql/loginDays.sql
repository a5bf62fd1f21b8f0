-- Exact logins (optional logins.csv, SPEC §3.2) reduced to the local days on which each mailbox logged in.
CREATE OR REPLACE TEMP TABLE cmp_login_days AS
SELECT DISTINCT address, CAST(timezone($tz, time) AS DATE) AS day
FROM logins;

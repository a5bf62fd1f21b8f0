-- The activity rows of the nights in cmp_nights, filled one night at a time (activityNight.sql) so each read is a
-- constant-date scan that skips the rest of a year of nightly rows.
CREATE OR REPLACE TEMP TABLE cmp_activity AS
SELECT export_date, address, last_login_at, used_mb FROM mailbox_activity LIMIT 0;

-- For each date of cmp_dates, the latest export night on or before it that has activity rows (mailbox_activity):
-- the night whose last-login and usage figures describe that date.
CREATE OR REPLACE TEMP TABLE cmp_nights AS
SELECT x.d, max(n.export_date) AS night
FROM cmp_dates x
JOIN (SELECT DISTINCT export_date FROM mailbox_activity) n ON n.export_date <= x.d
GROUP BY x.d;

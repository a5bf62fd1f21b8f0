INSERT INTO cmp_activity
SELECT export_date, address, last_login_at, used_mb FROM mailbox_activity WHERE export_date = CAST($night AS DATE);

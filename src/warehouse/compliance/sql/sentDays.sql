-- Days each mailbox sent mail, from the mail-log usage aggregate (002_maillog.sql; addresses are lowercase there as
-- in the registry).
CREATE OR REPLACE TEMP VIEW cmp_sent_days AS
SELECT address, day FROM mail_daily_mailbox WHERE sent_messages > 0;

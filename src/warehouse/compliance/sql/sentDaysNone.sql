-- A warehouse without the mail-log tables: no sending evidence.
CREATE OR REPLACE TEMP VIEW cmp_sent_days AS
SELECT CAST(NULL AS VARCHAR) AS address, CAST(NULL AS DATE) AS day WHERE false;

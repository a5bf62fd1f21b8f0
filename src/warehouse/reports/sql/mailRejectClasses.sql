-- NOQUEUE rejects (kind 'reject', the ones mail_daily_totals.rejected counts) in [$from, $to] by reason class, from
-- the reject facts (mail_rejects, kept logRetentionMonths; older days have only the daily totals). The class is read
-- from Postfix's reply text; the text itself (addresses, IPs) never leaves the warehouse.
WITH r AS (
  SELECT
    CASE
      WHEN reason ILIKE '%blocked using%' THEN 'dnsbl'
      WHEN program ILIKE '%postscreen%' THEN 'postscreen'
      WHEN stage IN ('header', 'body') OR program ILIKE '%cleanup%' THEN 'content'
      WHEN reason ILIKE '%Helo command rejected%' THEN 'helo'
      WHEN reason ILIKE '%Relay access denied%' THEN 'relay'
      WHEN reason ILIKE '%Recipient address rejected%' OR reason ILIKE '%User unknown%' THEN 'recipient'
      WHEN reason ILIKE '%Sender address rejected%' THEN 'sender'
      WHEN reason ILIKE '%Client host rejected%' OR reason ILIKE '%reverse hostname%' THEN 'client'
      WHEN reason ILIKE '%Insufficient system storage%' OR reason ILIKE '%too many%' OR reason ILIKE '%rate limit%' THEN 'server'
      ELSE 'other'
    END AS cls
  FROM mail_rejects
  WHERE kind = 'reject' AND day BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
)
SELECT cls, CAST(count(*) AS INTEGER) AS n
FROM r GROUP BY cls ORDER BY n DESC, cls;

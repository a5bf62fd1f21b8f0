-- Mail traffic in [$from, $to] per agency code, from the daily usage per mailbox of the province's domains
-- (mail_daily_mailbox: a message counted once through the content-filter hops; each day carries the mailbox's agency
-- as of that day, so in a merger year the traffic of each date goes to the agency of that date). '' = a mailbox of
-- the province's domains with no agency in the registry. Bytes as MB (1 MB = 1 048 576 bytes), 0.1 MB.
-- active_senders: mailboxes that sent mail in the period, each counted once, under the agency of the last day it sent
-- (so the agencies' counts add up to the province's).
WITH d AS (
  SELECT * FROM mail_daily_mailbox WHERE day BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
),
senders AS (
  SELECT arg_max(coalesce(agency_code, ''), day) AS code, address FROM d WHERE sent_messages > 0 GROUP BY address
),
sums AS (
  SELECT coalesce(agency_code, '') AS code,
    sum(sent_messages) AS sent, sum(sent_rcpt_internal) AS sent_rcpt_internal, sum(sent_rcpt_external) AS sent_rcpt_external,
    sum(received_messages) AS received, sum(received_from_internal) AS received_internal,
    sum(received_from_external) AS received_external, sum(sent_bytes) AS sent_bytes, sum(received_bytes) AS received_bytes,
    sum(rejected_inbound) AS rejected_inbound
  FROM d GROUP BY 1
),
active AS (SELECT code, count(*) AS active_senders FROM senders GROUP BY code)
SELECT coalesce(s.code, a.code) AS code,
  CAST(coalesce(s.sent, 0) AS INTEGER) AS sent,
  CAST(coalesce(s.sent_rcpt_internal, 0) AS INTEGER) AS sent_rcpt_internal,
  CAST(coalesce(s.sent_rcpt_external, 0) AS INTEGER) AS sent_rcpt_external,
  CAST(coalesce(s.received, 0) AS INTEGER) AS received,
  CAST(coalesce(s.received_internal, 0) AS INTEGER) AS received_internal,
  CAST(coalesce(s.received_external, 0) AS INTEGER) AS received_external,
  CAST(round(coalesce(s.sent_bytes, 0) / 1048576.0, 1) AS DOUBLE) AS sent_mb,
  CAST(round(coalesce(s.received_bytes, 0) / 1048576.0, 1) AS DOUBLE) AS received_mb,
  CAST(coalesce(a.active_senders, 0) AS INTEGER) AS active_senders,
  CAST(coalesce(s.rejected_inbound, 0) AS INTEGER) AS rejected_inbound
FROM sums s FULL JOIN active a ON a.code = s.code
ORDER BY 1;

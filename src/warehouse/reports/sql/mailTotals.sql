-- The mail server's own counters for [$from, $to] (pflogsumm's Grand Totals, mail_daily_totals, additive over days
-- and nights). Bytes as MB (1 MB = 1 048 576 bytes), 0.1 MB.
SELECT
  CAST(coalesce(sum(received), 0) AS BIGINT) AS received,
  CAST(coalesce(sum(delivered), 0) AS BIGINT) AS delivered,
  CAST(coalesce(sum(forwarded), 0) AS BIGINT) AS forwarded,
  CAST(coalesce(sum(deferrals), 0) AS BIGINT) AS deferrals,
  CAST(coalesce(sum(bounced), 0) AS BIGINT) AS bounced,
  CAST(coalesce(sum(rejected), 0) AS BIGINT) AS rejected,
  CAST(coalesce(sum(reject_warnings), 0) AS BIGINT) AS reject_warnings,
  CAST(coalesce(sum(held), 0) AS BIGINT) AS held,
  CAST(coalesce(sum(discarded), 0) AS BIGINT) AS discarded,
  CAST(round(coalesce(sum(bytes_received), 0) / 1048576.0, 1) AS DOUBLE) AS received_mb,
  CAST(round(coalesce(sum(bytes_delivered), 0) / 1048576.0, 1) AS DOUBLE) AS delivered_mb
FROM mail_daily_totals
WHERE day BETWEEN CAST($from AS DATE) AND CAST($to AS DATE);

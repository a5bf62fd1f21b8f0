-- Mail-log tables (SPEC §3.3, §4.3). Loaded by src/warehouse/maillog/load.ts, one export night at a time; every row
-- carries the night (export_date) it came from, so re-ingesting a night replaces exactly its rows.
--
-- Three layers:
--   1. files        mail_log_files: what was read each night, with counts of lines that could not be used.
--   2. facts        mail_messages, mail_deliveries, mail_rejects: per message / per recipient / per reject — the
--                   log facts sonla-2025 (004) Điều 9 khoản 1 requires (time, sender, recipient, client IP, size,
--                   errors) — kept at least `logRetentionMonths` of the profile, then purged (aggregates stay).
--   3. aggregates   mail_daily_*: what pages, reports and `summary` read. Nothing rescans raw logs.
-- Times are TIMESTAMPTZ; `day` is the local (Asia/Ho_Chi_Minh) calendar day of the event.

CREATE TABLE IF NOT EXISTS mail_log_files (
  export_date      DATE NOT NULL,
  file             VARCHAR NOT NULL,  -- name relative to the export folder
  file_order       INTEGER NOT NULL,  -- reading order within the night (oldest rotation first)
  bytes            BIGINT NOT NULL,   -- bytes read (after gunzip)
  lines            BIGINT NOT NULL,
  events           BIGINT NOT NULL,   -- lines that became an event (client=, from=, to=, reject, pickup, notice)
  ignored          BIGINT NOT NULL,   -- Postfix lines with no event (connect, message-id, removed, …)
  other_program    BIGINT NOT NULL,   -- lines of other programs (amavis, clamd, dovecot, sendmail, …)
  blank            BIGINT NOT NULL,
  garbled          BIGINT NOT NULL,   -- no syslog timestamp / host / text: unreadable
  unknown          BIGINT NOT NULL,   -- Postfix queue-id lines of a type the loader does not know
  truncated_last   BOOLEAN NOT NULL,  -- the file did not end with a newline
  PRIMARY KEY (export_date, file)
);

ALTER TABLE mail_log_files ADD COLUMN IF NOT EXISTS duplicates BIGINT;  -- event lines skipped: an earlier load held them

-- What each night holds of each mail server's log, so that a line loaded once is never counted again (SPEC §3.3;
-- src/warehouse/maillog/held.ts): for syslog `host`, every line with a time in [from_ms, to_ms] (whole), or only the
-- lines listed in mail_log_held_lines there (the edges of a file, where a rotation cut through a second). Kept for
-- good (a few rows a night): a .gz sent again a year later is still recognised.
CREATE TABLE IF NOT EXISTS mail_log_held (
  export_date  DATE NOT NULL,
  host         VARCHAR NOT NULL,    -- syslog host name as logged ('messages.csv' for the canonical CSV)
  from_ms      BIGINT NOT NULL,     -- epoch ms, inclusive
  to_ms        BIGINT NOT NULL,
  whole        BOOLEAN NOT NULL
);
CREATE TABLE IF NOT EXISTS mail_log_held_lines (
  export_date  DATE NOT NULL,
  host         VARCHAR NOT NULL,
  ms           BIGINT NOT NULL,
  line         VARCHAR NOT NULL,    -- md5 of the event's fields (src/warehouse/maillog/dedup.ts LINE_FIELDS)
  n            INTEGER NOT NULL     -- how many such lines (the same line can repeat within a second)
);

-- One row per message that entered the mail system in a night's logs (queue id + night): submitted over SMTP or
-- submission (via smtpd), picked up from the local queue (pickup), a bounce notification (notice, parent_qid = the
-- message it reports on), or another local source. A content filter (amavis on Zimbra: 127.0.0.1:10024/10026/10032
-- → re-injected on :10025/:10030) gives one message further queue ids; those copies are in mail_message_hops, not
-- here, so each message counts once. A copy whose original is not in the night's logs (the log starts mid-way, the
-- hand-off was before the rotation) has a row here with via = 'filter'.
CREATE TABLE IF NOT EXISTS mail_messages (
  export_date     DATE NOT NULL,
  qid             VARCHAR NOT NULL,
  received_at     TIMESTAMPTZ NOT NULL,  -- client=/pickup line, else the first from= line
  day             DATE NOT NULL,
  via             VARCHAR NOT NULL,      -- smtpd | pickup | notice (bounce/DSN) | filter (copy, original unknown) | local
  program         VARCHAR,               -- Postfix program of the receive line (smtpd, postscreen, amavisd/smtpd, pickup)
  client_host     VARCHAR,
  client_ip       VARCHAR,               -- IPv4 or IPv6, without brackets
  sasl_username   VARCHAR,
  sender          VARCHAR,               -- envelope sender, domain lower-cased; '' = null sender; NULL = no from= line
  size            BIGINT,                -- bytes, from the first from= line
  nrcpt           INTEGER,
  parent_qid      VARCHAR                -- notice: the message it reports on; filter: the queue id it came from
  -- unique (export_date, qid) by construction; no index, so a year of rows costs no memory on insert
);
-- Warehouses made before copies moved to mail_message_hops (their old rows stay as written).
ALTER TABLE mail_messages DROP COLUMN IF EXISTS root_qid;
ALTER TABLE mail_messages DROP COLUMN IF EXISTS is_reinjection;

-- One row per content filter's copy of a message (a queue id the filter re-injected), linked to the message.
CREATE TABLE IF NOT EXISTS mail_message_hops (
  export_date  DATE NOT NULL,
  qid          VARCHAR NOT NULL,         -- the copy's queue id
  received_at  TIMESTAMPTZ NOT NULL,     -- when the filter re-injected it
  parent_qid   VARCHAR NOT NULL,         -- the queue id it was handed off from (the message or an earlier copy)
  root_qid     VARCHAR NOT NULL          -- the message (mail_messages.qid, same night)
);

-- One row per delivery attempt (to= line): per recipient status, dsn and relay. A content filter's successful
-- hand-off (relay on the loopback, status=sent, "queued as" a new queue id) is not a delivery and is not kept: the
-- copy's mail_message_hops row records the hop, and pflogsumm's totals count the hand-off at ingest. Hand-offs
-- that failed (deferred, bounced) or ended the message (a filter's discard) are kept.
CREATE TABLE IF NOT EXISTS mail_deliveries (
  export_date      DATE NOT NULL,
  qid              VARCHAR NOT NULL,     -- the queue id of the line (a filter's copy for mail through amavis)
  time             TIMESTAMPTZ NOT NULL,
  day              DATE NOT NULL,
  recipient        VARCHAR NOT NULL,     -- domain lower-cased
  orig_to          VARCHAR,
  relay            VARCHAR NOT NULL,     -- host[ip]:port, local, none, …
  program          VARCHAR NOT NULL,     -- smtp, lmtp, local, virtual, …
  delay            DOUBLE,               -- seconds
  dsn              VARCHAR,
  status           VARCHAR NOT NULL,     -- sent | deferred | bounced | expired | …
  detail           VARCHAR,              -- the server's reply for anything but a plain delivery
  forwarded        BOOLEAN NOT NULL,     -- status=sent "forwarded as …"
  is_filter_hop    BOOLEAN NOT NULL,     -- handed to a content filter on the loopback, not a delivery to the recipient
  next_qid         VARCHAR,              -- "queued as X" of the next hop
  msg_export_date  DATE,                 -- night of the message (mail_messages) it delivers: this night, or an earlier
                                         -- one for a retry that ran past the log rotation; NULL when not in the warehouse
  pos              BIGINT,               -- reading order within the night (file index · 2^40 + byte offset)
  message_qid      VARCHAR               -- the message it delivers (mail_messages.qid): qid, or the original of a copy
);
ALTER TABLE mail_deliveries ADD COLUMN IF NOT EXISTS pos BIGINT;
ALTER TABLE mail_deliveries ADD COLUMN IF NOT EXISTS message_qid VARCHAR;

-- One row per reject / reject_warning / hold / discard (smtpd NOQUEUE lines, postscreen, cleanup header/body checks).
CREATE TABLE IF NOT EXISTS mail_rejects (
  export_date  DATE NOT NULL,
  time         TIMESTAMPTZ NOT NULL,
  day          DATE NOT NULL,
  kind         VARCHAR NOT NULL,  -- reject | reject_warning | hold | discard
  program      VARCHAR NOT NULL,
  qid          VARCHAR NOT NULL,  -- NOQUEUE before a queue file exists
  stage        VARCHAR,           -- RCPT, MAIL, CONNECT, DATA, header, body, END-OF-MESSAGE
  client_host  VARCHAR,
  client_ip    VARCHAR,
  sender       VARCHAR,
  recipient    VARCHAR,
  reason       VARCHAR
);

-- pflogsumm's Grand Totals counters per day and night (SPEC §4.3), additive: a range's total is the sum over
-- its days (and over the nights whose logs reached into them).
CREATE TABLE IF NOT EXISTS mail_daily_totals (
  export_date      DATE NOT NULL,
  day              DATE NOT NULL,
  received         BIGINT NOT NULL,  -- client= lines of smtpd/postscreen and pickup lines
  delivered        BIGINT NOT NULL,  -- to= status=sent (not "forwarded as")
  forwarded        BIGINT NOT NULL,
  deferrals        BIGINT NOT NULL,  -- to= status=deferred
  bounced          BIGINT NOT NULL,
  rejected         BIGINT NOT NULL,
  reject_warnings  BIGINT NOT NULL,
  held             BIGINT NOT NULL,
  discarded        BIGINT NOT NULL,
  bytes_received   BIGINT NOT NULL,
  bytes_delivered  BIGINT NOT NULL,
  PRIMARY KEY (export_date, day)
);

-- pflogsumm's distinct counts, kept as distinct members per day and night so a range counts them exactly.
CREATE TABLE IF NOT EXISTS mail_daily_senders (
  export_date  DATE NOT NULL,
  day          DATE NOT NULL,
  sender       VARCHAR NOT NULL,   -- "from=<>" for the null sender, as pflogsumm counts it
  domain       VARCHAR             -- pflogsumm's sending host/domain (sender domain, else the client's)
);
CREATE TABLE IF NOT EXISTS mail_daily_recipients (
  export_date  DATE NOT NULL,
  day          DATE NOT NULL,
  recipient    VARCHAR NOT NULL,   -- recipients with at least one delivery (status=sent)
  domain       VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS mail_daily_deferred (
  export_date  DATE NOT NULL,
  day          DATE NOT NULL,
  qid          VARCHAR NOT NULL    -- queue ids with at least one deferral that day (pflogsumm's "deferred")
);

-- pflogsumm's state of each queue id still in the queue at the end of a night (not `removed`; totals.ts), read by the
-- nights after it so that a message received before a log rotation and delivered after it counts as pflogsumm run
-- once over all the lines counts it. Kept RETRY_NIGHTS nights.
CREATE TABLE IF NOT EXISTS mail_log_qid_state (
  export_date  DATE NOT NULL,
  qid          VARCHAR NOT NULL,
  size         BIGINT,             -- %msgSizes{qid} when true: the size of its first from= line with a true size
  rcvd         VARCHAR             -- %rcvdMsg{qid} left set by a receive line no from= line consumed (NULL: none)
);

-- Usage per mailbox of the province's domains and day. A message counts once however many content-filter hops it
-- took: sent_* from original messages, received_* and *_rcpt_* from final deliveries (not filter hops).
CREATE TABLE IF NOT EXISTS mail_daily_mailbox (
  day                     DATE NOT NULL,
  address                 VARCHAR NOT NULL,
  agency_code             VARCHAR,          -- the mailbox's agency as of the day (mailboxes versions); NULL if unknown
  sent_messages           BIGINT NOT NULL,  -- messages it submitted (smtpd, submission, webmail, pickup)
  sent_bytes              BIGINT NOT NULL,
  sent_rcpt_internal      BIGINT NOT NULL,  -- deliveries of its messages to the province's domains
  sent_rcpt_external      BIGINT NOT NULL,  -- … to other domains
  received_messages       BIGINT NOT NULL,  -- deliveries to it (= internal + external + from the null sender)
  received_from_internal  BIGINT NOT NULL,
  received_from_external  BIGINT NOT NULL,
  received_bytes          BIGINT NOT NULL,
  bounced                 BIGINT NOT NULL,  -- bounced deliveries of its messages
  rejected_inbound        BIGINT NOT NULL   -- rejects of mail addressed to it
  -- unique (day, address) by construction (a day is recomputed whole)
);

-- The same per agency and day (sum over its mailboxes as of the day), plus how many of its mailboxes sent mail.
CREATE TABLE IF NOT EXISTS mail_daily_agency (
  day                     DATE NOT NULL,
  agency_code             VARCHAR NOT NULL,
  active_senders          BIGINT NOT NULL,  -- mailboxes with sent_messages > 0
  active_receivers        BIGINT NOT NULL,  -- mailboxes with received_messages > 0
  sent_messages           BIGINT NOT NULL,
  sent_bytes              BIGINT NOT NULL,
  sent_rcpt_internal      BIGINT NOT NULL,
  sent_rcpt_external      BIGINT NOT NULL,
  received_messages       BIGINT NOT NULL,
  received_from_internal  BIGINT NOT NULL,
  received_from_external  BIGINT NOT NULL,
  received_bytes          BIGINT NOT NULL,
  bounced                 BIGINT NOT NULL,
  rejected_inbound        BIGINT NOT NULL,
  PRIMARY KEY (day, agency_code)
);

-- Per recipient facts of messages (004 Điều 9 khoản 1): time, sender, recipient, client IP of the original
-- submission, size, status, dsn, relay — through the content filter's copies to the final delivery.
CREATE OR REPLACE VIEW mail_recipient_facts AS
SELECT d.time, d.day, m.sender, d.recipient, m.client_ip, m.client_host, m.sasl_username, m.size, d.status, d.dsn,
       d.relay, d.detail, m.qid AS root_qid, d.qid AS delivery_qid, d.export_date
FROM mail_deliveries d
JOIN mail_messages m ON m.export_date = d.msg_export_date AND m.qid = d.message_qid
WHERE NOT d.is_filter_hop;

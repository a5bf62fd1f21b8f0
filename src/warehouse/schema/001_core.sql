-- Core warehouse tables (SPEC §3). Every statement is idempotent: the schema is applied on each open.
-- Personal data: CCCD (id_number) and birth_date are never stored; a personal mailbox's phone is not stored either.

CREATE TABLE IF NOT EXISTS ingest_runs (
  run_id            INTEGER PRIMARY KEY,
  export_date       DATE NOT NULL,
  export_dir        VARCHAR NOT NULL,
  -- sha256 over the export's file names and bytes: the same night twice is recognised and changes nothing.
  fingerprint       VARCHAR NOT NULL,
  started_at        TIMESTAMPTZ NOT NULL,
  finished_at       TIMESTAMPTZ NOT NULL,
  rows_loaded       JSON NOT NULL,
  rows_quarantined  INTEGER NOT NULL,
  warnings          JSON NOT NULL,
  files             JSON NOT NULL
);
-- Files of the night that could not be read, whole or in part, loaded anyway under --partial: [{file, reason}].
ALTER TABLE ingest_runs ADD COLUMN IF NOT EXISTS gaps JSON;

CREATE TABLE IF NOT EXISTS quarantine (
  run_id       INTEGER NOT NULL,
  export_date  DATE NOT NULL,
  file         VARCHAR NOT NULL,
  line         INTEGER,          -- 1-based physical line in the file (header = 1); NULL for whole-file problems
  column_name  VARCHAR,          -- the offending column, when one is to blame
  raw          VARCHAR,          -- the raw row as read (after decoding), personal fields blanked
  reason       VARCHAR NOT NULL  -- Vietnamese reason
);

-- Agencies keep history: a row per (code, valid_from). A later export that merges two agencies closes the old
-- rows (valid_to, successor_code) but never rewrites what they were.
CREATE TABLE IF NOT EXISTS agencies (
  code            VARCHAR NOT NULL,
  valid_from      DATE NOT NULL,
  valid_to        DATE,            -- exclusive; NULL while the agency exists
  name            VARCHAR NOT NULL,
  abbr            VARCHAR,
  parent_code     VARCHAR,
  kind            VARCHAR NOT NULL,
  grp             VARCHAR NOT NULL,
  headcount       INTEGER,
  phone           VARCHAR,         -- the agency's office phone (public)
  address         VARCHAR,         -- the agency's office address (public)
  successor_code  VARCHAR,
  first_seen      DATE NOT NULL,   -- export date this version was first seen
  last_seen       DATE NOT NULL,
  PRIMARY KEY (code, valid_from)
);

-- Mailbox registry as versions (slowly changing): a new version each night a mailbox's facts change.
CREATE TABLE IF NOT EXISTS mailboxes (
  address               VARCHAR NOT NULL,
  seen_from             DATE NOT NULL,   -- export date this version was first seen
  seen_to               DATE,            -- exclusive: export date it was replaced; NULL = current
  kind                  VARCHAR NOT NULL, -- ca-nhan | co-quan
  display_name          VARCHAR,
  agency_code           VARCHAR,
  department            VARCHAR,
  title                 VARCHAR,
  status                VARCHAR NOT NULL, -- active | locked | closed
  created_at            TIMESTAMPTZ,
  password_changed_at   TIMESTAMPTZ,
  must_change_password  BOOLEAN,
  quota_mb              DOUBLE,
  forward_to            VARCHAR[],
  phone                 VARCHAR,         -- only for co-quan mailboxes (an office line); never a personal mobile
  source                VARCHAR NOT NULL, -- mailboxes.csv | zimbra-accounts.txt
  PRIMARY KEY (address, seen_from)
);

-- Fast-changing registry facts, one row per mailbox per export night (kept out of the versions above so a nightly
-- login does not create a new version). As-of queries read the latest row on or before the date.
CREATE TABLE IF NOT EXISTS mailbox_activity (
  export_date    DATE NOT NULL,
  address        VARCHAR NOT NULL,
  last_login_at  TIMESTAMPTZ,   -- Zimbra updates this at most weekly (SPEC §3.2): never claim daily precision
  used_mb        DOUBLE,
  PRIMARY KEY (export_date, address)
);

CREATE TABLE IF NOT EXISTS logins (
  time       TIMESTAMPTZ NOT NULL,
  address    VARCHAR NOT NULL,
  protocol   VARCHAR,
  client_ip  VARCHAR,
  PRIMARY KEY (time, address)
);

CREATE TABLE IF NOT EXISTS requests (
  id            VARCHAR PRIMARY KEY,
  type          VARCHAR NOT NULL,
  agency_code   VARCHAR,
  channel       VARCHAR,
  received_at   TIMESTAMPTZ NOT NULL,
  completed_at  TIMESTAMPTZ,
  result        VARCHAR,
  note          VARCHAR,
  first_seen    DATE NOT NULL,
  last_seen     DATE NOT NULL
);

CREATE TABLE IF NOT EXISTS incidents (
  id           VARCHAR PRIMARY KEY,
  occurred_at  TIMESTAMPTZ NOT NULL,
  reported_at  TIMESTAMPTZ,
  kind         VARCHAR,
  severity     VARCHAR,
  summary      VARCHAR,
  first_seen   DATE NOT NULL,
  last_seen    DATE NOT NULL
);

-- Key/value facts about the warehouse (profile in force, schema version).
CREATE TABLE IF NOT EXISTS warehouse_meta (
  key    VARCHAR PRIMARY KEY,
  value  VARCHAR NOT NULL
);

-- Local calendar day of an instant, by the zone's fixed offset in minutes (+07:00 for Vietnam, no DST since 1975):
-- plain integer arithmetic, much cheaper than a time-zone lookup per row and independent of the session's TimeZone.
CREATE OR REPLACE TEMP MACRO cmp_local_day(ts, offset_minutes) AS
  DATE '1970-01-01' + CAST((epoch_us(ts) + CAST(offset_minutes AS BIGINT) * 60000000) // 86400000000 AS INTEGER);

/**
 * The province's one time zone. The exports write Vietnam's wall-clock time (SPEC §3: a time without a zone is
 * Asia/Ho_Chi_Minh), and Vietnam has kept UTC+07:00 without daylight saving since 13/06/1975, so the fixed offset is
 * exact for every date this product handles: code does local-day arithmetic with the offset and gives the zone's
 * name to Intl and to DuckDB (`SET TimeZone`). No other module of src/ writes the zone or its offset
 * (test/architecture/layers.test.ts). Pure: safe in the browser.
 */

/** The IANA name, for Intl.DateTimeFormat and DuckDB's TimeZone setting. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Minutes east of UTC. */
export const UTC_OFFSET_MINUTES = 7 * 60;

/** Milliseconds east of UTC: local wall-clock time = epoch ms + this. */
export const UTC_OFFSET_MS = UTC_OFFSET_MINUTES * 60_000;

/** The offset as ISO 8601 / RFC 3339 write it. */
export const UTC_OFFSET_TEXT = '+07:00';

/** The date (YYYY-MM-DD) in Vietnam at the instant `now`, whatever the machine's time zone. */
export function vietnamDate(now: Date): string {
  return new Date(now.getTime() + UTC_OFFSET_MS).toISOString().slice(0, 10);
}

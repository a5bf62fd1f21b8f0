// Time in the mail-log SQL: the local day of an event, and how far back a night looks for what came before it.
import { UTC_OFFSET_MS } from '../../text/time.ts';

/** The local (+07:00, Asia/Ho_Chi_Minh has no daylight saving) day of an epoch-ms column. */
export const localDay = (ms: string) => `CAST(epoch_ms(${ms} + ${UTC_OFFSET_MS}) AS DATE)`;

/**
 * How many nights back a night looks for what came before it: a delivery's message (a retry that ran past the log
 * rotation, facts.ts) and pflogsumm's state of a queue id (totals.ts). Postfix gives up on a message after
 * maximal_queue_lifetime, 5 days by default; two weeks leaves room for a raised setting.
 */
export const RETRY_NIGHTS = 14;

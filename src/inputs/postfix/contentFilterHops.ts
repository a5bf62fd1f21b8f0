// A content filter's hops in a Postfix log (amavis on 127.0.0.1:10024…, re-injected on :10025): plumbing between
// two queue ids of one message, not deliveries. The reference parser's rows (stagedRows.ts) and the fast path
// (fastPath.ts) decide them alike; test/postfix/fastRows.test.ts holds them to it.
import type { MaillogEvent } from './parseLine.ts';

/**
 * A message handed to a content filter and queued again under a new id (status=sent, "queued as X"): plumbing,
 * not a delivery. Its row is not kept in mail_deliveries; the copy's mail_message_hops row records the hop, and
 * pflogsumm's totals, which count it as delivered (or forwarded), read it from maillog_hop at ingest.
 */
export function isHandOff(e: MaillogEvent): boolean {
  return e.status === 'sent' && e.nextQid !== null && isFilterHop(e);
}

/** Postfix programs that deliver locally: their to= lines are never a hand-off to a content filter. */
export const LOCAL_DELIVERY_PROGRAMS: ReadonlySet<string> = new Set(['lmtp', 'local', 'virtual', 'pipe']);

/** A delivery handed to a content filter on the loopback (amavis on 127.0.0.1:10024…) by smtp: not a recipient. */
export function isFilterHop(e: MaillogEvent): boolean {
  if (LOCAL_DELIVERY_PROGRAMS.has(e.cmd)) return false;
  const relay = e.relay ?? '';
  const open = relay.indexOf('[');
  const host = open >= 0 ? relay.slice(open + 1) : relay;
  return host.startsWith('127.') || host.startsWith('::1]') || relay.startsWith('localhost');
}

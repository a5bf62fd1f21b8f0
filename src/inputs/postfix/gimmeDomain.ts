// pflogsumm 1.1.5's `gimme_domain`, ported literally: the "sending host/domain" of a client when the sender address
// has no domain. Its result also decides whether pflogsumm counts the message's bytes as received (an undefined
// result, for a client string none of its patterns fit, counts nothing), so it must be the same here.

const IPV4_IN_BRACKETS = /^([^[]*)\[((?:\d{1,3}\.){3}\d{1,3})\]/;
const OLD_SLASH_FORM = /^([^/]*)\/([0-9a-f.:]+)/i;
const ANY_BRACKETS = /^([^[(/]*)[[(/]([^\])]+)[\])]:?\d*$/;
const REDUCE = /^(.*)\.([^.]+)\.([^.]{3}|[^.]{2,3}\.[^.]{2})$/s;

/**
 * `host[1.2.3.4]` → `host.tld` reduced to its last two labels (three for `x.com.vn`-like names), or the address when
 * the name is empty or `unknown`. Returns null where pflogsumm returns undef.
 */
export function gimmeDomain(client: string): string | null {
  let m = IPV4_IN_BRACKETS.exec(client) ?? OLD_SLASH_FORM.exec(client) ?? ANY_BRACKETS.exec(client);
  if (!m) {
    // pflogsumm: both undef; `undef eq ""` is true, so it returns $ipAddr, still undef.
    return null;
  }
  const domain = m[1] ?? '';
  const ip = m[2] ?? '';
  if (domain === '' || domain === 'unknown') return ip;
  m = REDUCE.exec(domain);
  if (!m) return domain;
  return asciiLower(`${m[2]}.${m[3]}`);
}

/** Perl `lc`/`\L` on the byte strings pflogsumm reads: only A–Z change. */
export function asciiLower(s: string): string {
  return /[A-Z]/.test(s) ? s.replace(/[A-Z]+/g, (x) => x.toLowerCase()) : s;
}

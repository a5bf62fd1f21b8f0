/**
 * Parser for the output of Zimbra's `zmprov -l gaa -v <domain>` (SPEC §3.2): `# name <address>` starts an account;
 * `attr: value` lines follow; `attr:: <base64>` carries a value encoded as base64 (UTF-8 once decoded); a repeated
 * attribute is multi-valued; a line without an `attr:` prefix continues the previous value after a newline.
 * `userPassword` and any password-hash-like value are dropped here and never leave this module. Pure: no I/O.
 */

export interface ZimbraAccount {
  /** Line of the `# name` header. */
  line: number;
  /** The address from the `# name` header. */
  name: string;
  /** Attribute (lowercased name) → values in file order. */
  attrs: Map<string, string[]>;
  /** Attribute (lowercased name) → line of its first value, for messages. */
  attrLines: Map<string, number>;
  /** Problems found while reading this account (e.g. invalid base64). */
  issues: Array<{ line: number; attribute: string; reason: string }>;
}

export interface ZimbraDump {
  accounts: ZimbraAccount[];
  /** Lines that belong to no account. */
  stray: Array<{ line: number; text: string; reason: string }>;
}

const HEADER = /^#\s*name\s+(\S+)\s*$/i;
const ATTRIBUTE = /^([A-Za-z][A-Za-z0-9;-]*)(::?)\s?(.*)$/;
/** Values that look like password hashes ({SSHA512}…, $6$…, {crypt}…): dropped whatever the attribute. */
const HASH_LIKE = /^\{[A-Z0-9-]+\}\S+$|^\$\d[a-z]?\$\S+$/;

function isSecret(attribute: string, value: string): boolean {
  const name = attribute.toLowerCase();
  return name === 'userpassword' || name.endsWith('passwordhistory') || HASH_LIKE.test(value);
}

function decodeBase64(text: string): string | null {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return null;
  try {
    const bytes = Uint8Array.from(atob(compact), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Parses a whole `zmprov -l gaa -v` dump into memory (see `readZimbraDump` for the streaming form). */
export function parseZimbraDump(text: string, keep?: ReadonlySet<string>): ZimbraDump {
  const accounts: ZimbraAccount[] = [];
  const stray: ZimbraDump['stray'] = [];
  readZimbraDump(text, { keep, onAccount: (a) => void accounts.push(a), onStray: (s) => void stray.push(s) });
  return { accounts, stray };
}

export interface ZimbraReadOptions {
  /** Lowercased attribute names to keep; others are read past but not stored (a 50,000-account dump holds a
   * million attribute lines the registry does not need). All are kept when absent. */
  keep?: ReadonlySet<string>;
  /** Called with each account once its last line has been read; the account is not retained. */
  onAccount: (account: ZimbraAccount) => void;
  onStray: (stray: ZimbraDump['stray'][number]) => void;
}

/** Reads a dump account by account, so memory holds one account at a time. */
export function readZimbraDump(text: string, options: ZimbraReadOptions): void {
  const { keep } = options;
  let current: ZimbraAccount | null = null;
  // The value being built: continuation lines append to it.
  let open: { attribute: string; values: string[]; index: number; base64: boolean } | null = null;
  let skipping = false;

  const close = () => {
    if (!open || !current) return;
    const { attribute, values, index, base64 } = open;
    if (base64) {
      const decoded = decodeBase64(values[index]!);
      if (decoded === null) {
        current.issues.push({ line: current.attrLines.get(attribute) ?? current.line, attribute, reason: `giá trị base64 không hợp lệ ở thuộc tính ${attribute}` });
        values.splice(index, 1);
      } else values[index] = decoded;
    }
    if (isSecret(attribute, values[index] ?? '')) values.splice(index, 1);
    if (values.length === 0) current.attrs.delete(attribute);
    open = null;
  };

  let line = 0;
  let start = 0;
  const length = text.length;
  while (start < length || (start === length && line === 0)) {
    let end = start;
    while (end < length) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    const textLine = text.slice(start, end);
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    line++;
    readLine(textLine, line);
  }
  finish();

  function finish(): void {
    close();
    if (current) options.onAccount(current);
    current = null;
  }

  function readLine(textLine: string, line: number): void {
    const header = HEADER.exec(textLine);
    if (header) {
      finish();
      skipping = false;
      current = { line, name: header[1]!.toLowerCase(), attrs: new Map(), attrLines: new Map(), issues: [] };
      return;
    }
    if (textLine.trim() === '') {
      close();
      skipping = false;
      return;
    }
    const attr = ATTRIBUTE.exec(textLine);
    if (attr && current) {
      close();
      const attribute = attr[1]!.toLowerCase();
      if (keep !== undefined && !keep.has(attribute)) {
        skipping = true;
        return;
      }
      skipping = false;
      const values = current.attrs.get(attribute) ?? [];
      if (values.length === 0) {
        current.attrs.set(attribute, values);
        current.attrLines.set(attribute, line);
      }
      values.push(attr[3]!);
      open = { attribute, values, index: values.length - 1, base64: attr[2] === '::' };
      return;
    }
    if (skipping) return; // the continuation of an attribute not kept
    if (open) {
      // An unprefixed line continues the previous value (base64 continues without a newline).
      const o: { values: string[]; index: number; base64: boolean } = open;
      o.values[o.index] += o.base64 ? textLine.trim() : `\n${textLine}`;
      return;
    }
    if (textLine.startsWith('#')) return;
    options.onStray({ line, text: textLine, reason: 'dòng không thuộc tài khoản nào (thiếu dòng "# name <địa chỉ>" phía trước)' });
  }
}

/** The first value of an attribute (case-insensitive name), or undefined. */
export function attrValue(account: ZimbraAccount, name: string): string | undefined {
  return account.attrs.get(name.toLowerCase())?.[0];
}

/** Every value of an attribute (case-insensitive name). */
export function attrValues(account: ZimbraAccount, name: string): readonly string[] {
  return account.attrs.get(name.toLowerCase()) ?? [];
}

/**
 * LDAP generalized time → ISO 8601 UTC ("20241105093000Z" → "2024-11-05T09:30:00.000Z"; fractions such as
 * "20260728064034.819Z" and offsets "+0700" accepted). Returns null when the text is not a generalized time.
 */
export function generalizedTimeToIso(value: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d{1,9}))?(Z|[+-]\d{4})?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((k) => Number(m[k] ?? 0)) as [number, number, number, number, number, number];
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const zone = m[8] ?? 'Z';
  const offsetMin = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  if (wall.getUTCMonth() !== mo - 1 || wall.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return new Date(wall.getTime() - offsetMin * 60_000).toISOString();
}

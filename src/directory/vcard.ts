/**
 * vCard 3.0 (RFC 2426) export of directory entries, for import into phones and Outlook (SPEC §5 Danh bạ). Text is
 * escaped (\\ , ; newline), lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character.
 * Only directory facts are written: name, e-mail, organisation, department, title, and for agency boxes the
 * agency's office phone — never a personal phone. Pure: no I/O.
 */
import type { DirectoryAgencyInfo, DirectoryEntry } from './entry.ts';
import { nameWords } from '../text/fold.ts';

/** Escapes a text value (RFC 2426 §4: backslash, comma, semicolon, newline). */
export function escapeVcardText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds one content line at 75 octets (RFC 2425 §5.8.1): continuation lines start with a space. */
export function foldVcardLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** One vCard for one entry. A personal name is split the Vietnamese way: family name first, given name last. */
export function entryToVcard(entry: DirectoryEntry, agency: DirectoryAgencyInfo | undefined): string {
  const name = entry.name?.trim() || entry.address;
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${escapeVcardText(name)}`];
  if (entry.kind === 'ca-nhan') {
    const words = nameWords(name);
    const family = words.length > 1 ? words[0]! : '';
    const given = words.at(-1) ?? name;
    const middle = words.slice(1, -1).join(' ');
    lines.push(`N:${[family, given, middle, '', ''].map(escapeVcardText).join(';')}`);
  } else {
    lines.push(`N:${escapeVcardText(name)};;;;`);
  }
  const org = [agency?.name ?? entry.agencyCode, entry.department ?? ''].filter((s, i) => i === 0 || s);
  lines.push(`ORG:${org.map(escapeVcardText).join(';')}`);
  if (entry.title) lines.push(`TITLE:${escapeVcardText(entry.title)}`);
  lines.push(`EMAIL;TYPE=INTERNET,WORK:${entry.address}`);
  if (entry.kind !== 'ca-nhan' && agency?.phone) lines.push(`TEL;TYPE=WORK,VOICE:${escapeVcardText(agency.phone)}`);
  if (entry.kind !== 'ca-nhan' && agency?.address) lines.push(`ADR;TYPE=WORK:;;${escapeVcardText(agency.address)};;;;`);
  lines.push('END:VCARD');
  return lines.map(foldVcardLine).join('\r\n') + '\r\n';
}

/** Every entry as one .vcf file (UTF-8, CRLF). */
export function toVcards(entries: readonly DirectoryEntry[], agencies: ReadonlyMap<string, DirectoryAgencyInfo>): string {
  return entries.map((e) => entryToVcard(e, agencies.get(e.agencyCode))).join('');
}

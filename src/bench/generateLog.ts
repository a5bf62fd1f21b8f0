// A synthetic night of a given size for the benchmark: 50,000 mailboxes on a Zimbra MTA (src/generate/maillog.ts).
import { closeSync, openSync, writeSync } from 'node:fs';
import { generateMaillogLines, type MaillogMailbox } from '../generate/maillog.ts';

export interface GeneratedLog {
  path: string;
  bytes: number;
  lines: number;
  messages: number;
}

/** The province's mailboxes: `count` addresses, a few inactive, activity skewed like real users'. */
export function benchMailboxes(count: number, domain: string): MaillogMailbox[] {
  return Array.from({ length: count }, (_, i) => ({
    address: `u${i.toString(36)}@${domain}`,
    active: i % 40 !== 7,
    weight: 1 + ((i * 2654435761) % 97) / 10,
  }));
}

/** Writes about `targetBytes` of log for `date` to `path` (deterministic for the seed). */
export function writeBenchLog(path: string, opts: { date: string; domain: string; mailboxes: MaillogMailbox[]; targetBytes: number; seed: number; timestamps?: 'classic' | 'rfc3339' }): GeneratedLog {
  let sample = 0;
  for (const line of generateMaillogLines({ ...opts, messages: 2000 })) {
    sample += line.length + 1;
  }
  const messages = Math.max(1, Math.round((opts.targetBytes / sample) * 2000));
  const fd = openSync(path, 'w');
  let bytes = 0;
  let lines = 0;
  let chunk: string[] = [];
  let chunkChars = 0;
  try {
    for (const line of generateMaillogLines({ ...opts, messages })) {
      chunk.push(line);
      chunkChars += line.length + 1;
      lines++;
      if (chunkChars > 1 << 22) {
        bytes += writeSync(fd, chunk.join('\n') + '\n');
        chunk = [];
        chunkChars = 0;
      }
    }
    if (chunk.length > 0) bytes += writeSync(fd, chunk.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
  return { path, bytes, lines, messages };
}

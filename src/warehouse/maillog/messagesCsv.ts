// Reads messages.csv through the shared CSV validator (bad rows to quarantine) and turns its rows into events.
import { messageRowEvents, messagesSpec } from '../../inputs/postfix/messagesCsv.ts';
import type { MaillogEvent } from '../../inputs/postfix/parseLine.ts';
import type { IngestContext } from '../ingestContext.ts';
import { readCsvInput } from '../ingest/readInput.ts';

/** The file's events with their line numbers, or null when nothing of it could be read. */
export function readMessagesCsvEvents(ctx: IngestContext, path: string, name: string): { line: number; event: MaillogEvent }[] | null {
  const table = readCsvInput(ctx, { name, path, role: 'maillog' }, messagesSpec);
  return table ? messageRowEvents(table.rows) : null;
}

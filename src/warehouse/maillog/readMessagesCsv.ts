// Reads messages.csv through the shared CSV validator (bad rows to quarantine) and turns its rows into events.
import { messageRowEvents, messagesSpec } from '../../inputs/postfix/messagesCsv.ts';
import type { MaillogEvent } from '../../inputs/postfix/parseLine.ts';
import type { IngestContext } from '../ingestContext.ts';
import { readTableInput } from '../ingest/readInput.ts';

/** The file's events with their line numbers, or null when nothing of it could be read. */
export async function readMessagesCsvEvents(ctx: IngestContext, path: string, name: string): Promise<{ line: number; event: MaillogEvent }[] | null> {
  const table = await readTableInput(ctx, { name, path, role: 'maillog' }, messagesSpec);
  return table ? messageRowEvents(table.rows) : null;
}

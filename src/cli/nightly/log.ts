/**
 * The nightly run's log: every line it writes, on stdout or stderr, starts with the local time, so the log file the
 * guide's cron line appends to (or the journal) says when each step ran and how long it took.
 */
import { localTimestamp } from '../../system/localTime.ts';
import type { CommandIO } from '../command.ts';

/** A stream writer prefixing each line with the time it was written (text arrives in whole lines or pieces). */
function stamped(write: (text: string) => void, now: () => Date): (text: string) => void {
  let atLineStart = true;
  return (text) => {
    let out = '';
    for (const piece of text.split(/(?<=\n)/)) {
      if (piece === '') continue;
      out += (atLineStart ? `${localTimestamp(now())} ` : '') + piece;
      atLineStart = piece.endsWith('\n');
    }
    write(out);
  };
}

/** `io` with time stamps on every line (and no in-place progress: a log file is not a terminal). */
export function timestampedIO(io: CommandIO, now: () => Date): CommandIO {
  return { stdout: stamped(io.stdout, now), stderr: stamped(io.stderr, now), isTTY: false, now, atStage: io.atStage };
}

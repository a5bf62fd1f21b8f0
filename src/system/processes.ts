/**
 * Who a process is, for lock files and leftover folders: a PID alone is reused (after a reboot, a long uptime), so
 * a process is named by its PID and its start stamp (the boot and the clock tick it started at, from /proc on
 * Linux). A holder whose PID is alive but whose stamp differs is another process: its lock or folder is stale.
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';

/** This boot's id (changes at each reboot), or '' where /proc is not there. */
function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
}

/** `<boot id>:<start tick>` of process `pid`, or null where unknown (no /proc, or no such process). */
export function startStamp(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may hold spaces and parentheses: fields are counted after its closing ")"
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return `${bootId()}:${fields[19]}`;
  } catch {
    return null;
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/** Whether the process that wrote (`pid`, `stamp`) still runs; without a stamp, whether the PID is alive. */
export function processAlive(pid: number, stamp?: string | null): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) return false;
  if (!stamp) return true;
  const now = startStamp(pid);
  return now === null || now === stamp;
}

/** This process as written into a lock or a run folder. */
export interface ProcessInfo {
  pid: number;
  stamp: string | null;
  user: string;
  /** The command line, shortened: what an operator recognises ("node scripts/cli.mjs nightly --exports …"). */
  command: string;
}

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return String(process.getuid?.() ?? '');
  }
}

export function thisProcess(): ProcessInfo {
  return { pid: process.pid, stamp: startStamp(process.pid), user: userName(), command: shorten(process.argv.join(' ')) };
}

/** One line, at most 200 characters: a command line may hold a script with newlines. */
const shorten = (s: string) => {
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
};

/** Another process's command line and owner from /proc, when this process may see them. */
export function describeProcess(pid: number): { command: string | null; user: string | null } {
  let command: string | null = null;
  let user: string | null = null;
  try {
    command = shorten(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ')) || null;
  } catch {
    /* not Linux, or gone */
  }
  try {
    const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (uid !== undefined) user = uidName(Number(uid));
  } catch {
    /* idem */
  }
  return { command, user };
}

/** A uid's name from /etc/passwd, or the number. */
function uidName(uid: number): string {
  try {
    const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.split(':')[2] === String(uid));
    return line ? line.split(':')[0]! : String(uid);
  } catch {
    return String(uid);
  }
}

/** "PID 1234 (node scripts/cli.mjs report …, người dùng thucongvu)" — as much as is known. */
export function holderText(pid: number, known?: { command?: string | null; user?: string | null }): string {
  const live = describeProcess(pid);
  const command = known?.command ?? live.command;
  const user = known?.user ?? live.user;
  const parts = [command ? `lệnh: ${command}` : null, user ? `người dùng ${user}` : null].filter(Boolean);
  return `PID ${pid}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

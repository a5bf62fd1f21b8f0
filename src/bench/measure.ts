// Timing and peak memory of a child process (Linux: VmHWM from /proc, sampled until the process exits).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ChildRun {
  wallMs: number;
  /** Peak resident set size in MiB (VmHWM), 0 where /proc is not available. */
  peakMiB: number;
  /** CPU seconds (user + system, all threads) as last sampled before the process ended; 0 without /proc. A steadier
   * figure than wall time on a shared machine. */
  cpuSeconds: number;
  stdout: string;
  stderr: string;
  code: number;
}

function vmHwmKiB(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** utime + stime of a process in seconds (Linux clock ticks are 1/100 s). */
function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Runs `command args` to completion; rejects on a non-zero exit with its stderr. */
export function runChild(command: string, args: string[], cwd?: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let peak = 0;
    let cpu = 0;
    const timer = setInterval(() => {
      peak = Math.max(peak, vmHwmKiB(child.pid ?? 0));
      cpu = Math.max(cpu, cpuSecondsOf(child.pid ?? 0));
    }, 10);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const run = {
        wallMs: performance.now() - start, peakMiB: peak / 1024, cpuSeconds: cpu, stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'), code: code ?? -1,
      };
      if (run.code !== 0) reject(new Error(`${command} ${args.join(' ')} → ${run.code}\n${run.stderr}`));
      else resolve(run);
    });
  });
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Child processes that cannot take the test run down with them: a watchdog kills the process when its
 * resident memory passes a limit or when it outlives a deadline, so a test of "this input is answered
 * quickly, in little memory" fails (instead of hanging or swapping) if the bug comes back.
 */
import { spawn } from 'node:child_process';
import { memoryOf } from './lspSession';

/** What the issue allows a `note:` target to cost: the process stays under 400 MB and 5 s. */
export const MAX_RSS_BYTES = 400 * 1024 * 1024;
/** The deadline is a guard against hangs, far above the expected time (a loaded 2-core machine is slow). */
export const DEADLINE_MS = 20000;
const WATCH_EVERY_MS = 20;

export interface Watchdog {
  /** Highest resident set size seen so far, in bytes (the kernel's high-water mark). */
  peak(): number;
  /** Why the process was killed, if it was. */
  killedFor(): string | undefined;
  stop(): void;
}

/** Watches a running process; kills it on breach of the memory limit or the deadline. */
export function watchProcess(pid: number, kill: () => void, maxRss = MAX_RSS_BYTES, deadlineMs = DEADLINE_MS): Watchdog {
  let peak = 0;
  let reason: string | undefined;
  const breach = (why: string) => {
    reason ??= why;
    kill();
  };
  const memory = setInterval(() => {
    const now = memoryOf(pid);
    // An exiting process has no memory lines in /proc any more.
    if (!now || !(now.peak >= 0)) return;
    peak = Math.max(peak, now.peak);
    if (peak > maxRss) breach(`resident memory reached ${Math.round(peak / 1048576)} MB`);
  }, WATCH_EVERY_MS);
  const deadline = setTimeout(() => breach(`still running after ${deadlineMs} ms`), deadlineMs);
  return {
    peak: () => peak,
    killedFor: () => reason,
    stop() {
      clearInterval(memory);
      clearTimeout(deadline);
    },
  };
}

export interface GuardedRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak resident memory, bytes. */
  readonly peakRss: number;
  readonly killedFor?: string;
}

/** Runs `node args…` under the watchdog. */
export function runGuarded(args: readonly string[], cwd: string, maxRss = MAX_RSS_BYTES, deadlineMs = DEADLINE_MS): Promise<GuardedRun> {
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const watchdog = watchProcess(child.pid!, () => child.kill('SIGKILL'), maxRss, deadlineMs);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      watchdog.stop();
      const killedFor = watchdog.killedFor();
      resolve({ code, stdout, stderr, peakRss: watchdog.peak(), ...(killedFor ? { killedFor } : {}) });
    });
  });
}

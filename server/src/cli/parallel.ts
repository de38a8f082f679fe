import { availableParallelism } from 'node:os';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { DocumentSettings, LanguageService } from '../core/service/languageService';
import { describeInternalError } from '../node/errors';
import { checkFile, prepareBatch } from './checkFile';
import { UsageError } from './collectFiles';
import type { CheckedFile } from './report';

/**
 * `opnote check` on worker threads. The command stays synchronous: the main thread hands out batches
 * of file names, checks batches itself while the workers start and work, and otherwise sleeps on a
 * shared counter (Atomics.wait) that a worker bumps after each reply, taking the replies with
 * receiveMessageOnPort. Workers read and check their files themselves; what comes back is only the
 * findings (CheckedFile is plain data), in input order.
 */

const TAG = 'opnote-check-worker';
/** Files per message: small enough to balance two threads on the last files, big enough to keep messages rare. */
const BATCH = 16;
/** Below this many files one thread is faster: a worker needs ~0.3 s to load and warm up. */
export const AUTO_MIN_FILES = 400;
const AUTO_MAX_THREADS = 8;

export type Jobs = number | 'auto';

interface WorkerInput {
  readonly tag: typeof TAG;
  readonly index: number;
  readonly port: MessagePort;
  /** [0]: bumped after every reply and when a worker exits; [1 + i]: 1 while worker i is alive. */
  readonly signal: Int32Array;
  readonly settings: DocumentSettings;
  /** The folder a claim's `note:` may be read from (`--root`). */
  readonly workspaceRoot: string;
}

type Task = { readonly start: number; readonly files: readonly string[] } | { readonly done: true };
/** `usage`: a file could not be read, said as the main thread would say it (exit 2 with the message). */
type Reply = { readonly start: number; readonly checked: CheckedFile[] } | { readonly start: number; readonly error: string; readonly usage?: boolean };

/** `--jobs N` or `--jobs auto`. */
export function parseJobs(value: string | true | undefined): Jobs {
  if (value === undefined || value === 'auto') return 'auto';
  const jobs = typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  if (!(jobs >= 1)) throw new UsageError(`--jobs needs a number of threads (1 or more) or auto, not ${String(value)}`);
  return jobs;
}

/**
 * How many worker threads to start besides the main thread, which checks too; 0 means check on this
 * thread alone. `--jobs N` is the number of threads in all.
 */
export function workerCount(files: number, jobs: Jobs): number {
  const threads = jobs === 'auto' ? (files >= AUTO_MIN_FILES ? autoThreads(availableParallelism()) : 1) : jobs;
  return Math.max(0, Math.min(threads - 1, Math.ceil(files / BATCH) - 1));
}

/**
 * One checking thread per two cores: each V8 isolate keeps about a core and a half busy (its
 * compiler and collector threads run beside it) and pays its own JIT warm-up, so on two cores a
 * second thread measured slower than one (docs/performance.md).
 */
export function autoThreads(cores: number): number {
  return Math.max(1, Math.min(AUTO_MAX_THREADS, Math.floor(cores / 2)));
}

/**
 * Checks `files` on this thread (with `check`) and on `count` worker threads started from `script`
 * (this bundle); blocks until done.
 */
export function checkInWorkers(script: string, files: readonly string[], settings: DocumentSettings, workspaceRoot: string, count: number, check: (file: string) => CheckedFile): CheckedFile[] {
  const signal = new Int32Array(new SharedArrayBuffer(4 * (count + 1)));
  const ports: MessagePort[] = [];
  for (let index = 0; index < count; index++) {
    const { port1, port2 } = new MessageChannel();
    Atomics.store(signal, 1 + index, 1);
    const input: WorkerInput = { tag: TAG, index, port: port2, signal, settings, workspaceRoot };
    new Worker(script, { workerData: input, transferList: [port2] }); // runs until it closes its port
    ports.push(port1);
  }
  const results: CheckedFile[] = new Array(files.length);
  const outstanding = new Array<number>(count).fill(0);
  let next = 0;
  const take = (): { start: number; files: readonly string[] } | undefined => {
    if (next >= files.length) return undefined;
    const task = { start: next, files: files.slice(next, next + BATCH) };
    next += task.files.length;
    return task;
  };
  const send = (index: number): void => {
    const task = take();
    if (!task) return;
    outstanding[index]++;
    ports[index].postMessage(task satisfies Task);
  };
  // Two batches each, so that a worker never waits for the main thread to wake up.
  for (let index = 0; index < count; index++) {
    send(index);
    send(index);
  }
  try {
    while (next < files.length || outstanding.some((n) => n > 0)) {
      const seen = Atomics.load(signal, 0);
      let received = false;
      for (let index = 0; index < count; index++) {
        for (let message = receiveMessageOnPort(ports[index]); message; message = receiveMessageOnPort(ports[index])) {
          received = true;
          const reply = message.message as Reply;
          outstanding[index]--;
          if ('error' in reply) {
            if (reply.usage) throw new UsageError(reply.error);
            process.stderr.write(`${reply.error}\n`);
            throw new Error('a check worker failed');
          }
          reply.checked.forEach((file, offset) => (results[reply.start + offset] = file));
          send(index);
        }
      }
      if (received) continue;
      // Nothing to collect: check a batch here rather than wait (the workers are still starting at first).
      const own = take();
      if (own) {
        own.files.forEach((file, offset) => (results[own.start + offset] = check(file)));
        continue;
      }
      const dead = outstanding.findIndex((n, index) => n > 0 && Atomics.load(signal, 1 + index) === 0);
      if (dead >= 0) throw new Error(`OpNote check worker ${dead} stopped before it answered`);
      Atomics.wait(signal, 0, seen, 1000);
    }
  } finally {
    // The worker closes its end and exits once its event loop is empty.
    for (const port of ports) port.postMessage({ done: true } satisfies Task);
  }
  return results;
}

/** True when this thread is a check worker; the command line must then not run. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerInput> | null)?.tag === TAG;
}

/** The worker side: check each batch of files the main thread sends, reply with the findings. */
export function serveCheckWorker(createService: (workspaceRoot: string, notesFolder?: string) => LanguageService): void {
  const { index, port, signal, settings, workspaceRoot } = workerData as WorkerInput;
  const wake = () => {
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  process.on('exit', () => {
    Atomics.store(signal, 1 + index, 0);
    wake();
  });
  let service: LanguageService | undefined;
  prepareBatch();
  port.on('message', (task: Task) => {
    if ('done' in task) {
      port.close();
      return;
    }
    let reply: Reply;
    try {
      service ??= createService(workspaceRoot, settings.notesFolder);
      reply = { start: task.start, checked: task.files.map((file) => checkFile(service!, file, settings)) };
    } catch (error) {
      reply = error instanceof UsageError ? { start: task.start, error: error.message, usage: true } : { start: task.start, error: describeInternalError('opnote check worker', error) };
    }
    port.postMessage(reply);
    wake();
  });
}

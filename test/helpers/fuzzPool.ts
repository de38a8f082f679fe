/**
 * Runs fuzz inputs (test/helpers/fuzz.ts) on worker threads with a wall-clock budget per input that
 * grows with the input's size. A pattern that backtracks for minutes blocks the thread running it,
 * so the budget is enforced from outside: each worker writes the index, start and deadline of the
 * input it is checking into a shared slot (test/helpers/fuzzWorker.ts), the pool looks every 50 ms,
 * terminates a worker past its deadline, records the input as an overrun, starts a new worker and
 * goes on. A worker that runs out of memory or dies is recorded the same way, as a crash.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FuzzSources } from './fuzz';

export interface Budget {
  /** Milliseconds every input may take... */
  readonly baseMs: number;
  /** ...plus this much per 1,024 characters of the input and its files. */
  readonly perKbMs: number;
}

/**
 * Far more than any input needs, even on a 2-core machine loaded four times over: there the slowest
 * ordinary inputs (a claim with a thousand findings, each with its code actions) take about 3 s and
 * real notes 3-5 ms per KB; idle, a fifth of that. An overrun then means super-linear work: a
 * backtracking pattern (seconds to hours on a few hundred characters), or a quadratic one on a run of
 * 100 KB or more (10 s and up).
 */
export const DEFAULT_BUDGET: Budget = { baseMs: 5000, perKbMs: 50 };

/** `fallback`, or the budget OPNOTE_FUZZ_BUDGET_MS and OPNOTE_FUZZ_BUDGET_PER_KB_MS set (for a slower machine). */
export function budgetFromEnvironment(fallback: Budget = DEFAULT_BUDGET): Budget {
  const read = (name: string, otherwise: number) => {
    const value = Number(process.env[name]);
    return process.env[name] !== undefined && Number.isFinite(value) && value >= 0 ? value : otherwise;
  };
  return { baseMs: read('OPNOTE_FUZZ_BUDGET_MS', fallback.baseMs), perKbMs: read('OPNOTE_FUZZ_BUDGET_PER_KB_MS', fallback.perKbMs) };
}

export function budgetMs(budget: Budget, size: number): number {
  return budget.baseMs + (budget.perKbMs * size) / 1024;
}

export interface PoolOptions extends FuzzSources {
  readonly count: number;
  /** First input index (to repeat inputs of an earlier run). */
  readonly from?: number;
  /** Stop handing out inputs after this long. */
  readonly seconds?: number;
  readonly workers: number;
  readonly budget: Budget;
  /** Stop after this many failures. */
  readonly maxFailures: number;
  /** Heap limit of each worker; beyond it the input counts as a crash. */
  readonly memoryMb?: number;
  /** Told after every batch. */
  readonly onProgress?: (done: number, failures: number) => void;
}

export type FailureKind = 'exception' | 'overrun' | 'crash';

export interface PoolFailure {
  readonly index: number;
  /** The source the input came from (a name of PoolOptions.sources). */
  readonly source: string;
  readonly kind: FailureKind;
  readonly invariant: string;
  readonly message: string;
  /** Time spent on the input (until it was stopped, for an overrun or a crash). */
  readonly ms: number;
  /** Characters of the input and its files; NOT_MADE when it was stopped while being made. */
  readonly size: number;
}

export interface SlowInput {
  readonly index: number;
  readonly source: string;
  readonly ms: number;
  readonly size: number;
}

export interface SourceFigures {
  inputs: number;
  failures: number;
  totalMs: number;
  maxMs: number;
}

export interface PoolResult {
  /** Inputs checked to the end or stopped as failures. */
  readonly inputs: number;
  /** Characters of those inputs and their files. */
  readonly characters: number;
  readonly elapsedMs: number;
  /** CPU time of the whole process (workers, their collectors and compilers, the pool): what a busy machine does not inflate. */
  readonly cpuMs: number;
  readonly failures: readonly PoolFailure[];
  readonly counts: Readonly<Record<FailureKind, number>>;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** The inputs that took longest, slowest first. */
  readonly slowest: readonly SlowInput[];
  /** Peak resident set of the whole process (every worker is a thread of it). */
  readonly peakRssMb: number;
  readonly bySource: Readonly<Record<string, SourceFigures>>;
  readonly workerStarts: number;
  /** True when the run stopped at maxFailures or at the time limit before `count` inputs. */
  readonly stoppedEarly: boolean;
}

// ------------------------------------------------------------------ the protocol with fuzzWorker.ts

/**
 * Int32 fields of a worker's shared slot, written before each input (deadline last); times are
 * milliseconds since WorkerData.epoch; deadline 0 means between inputs.
 */
export const SLOT = { index: 0, source: 1, size: 2, start: 3, deadline: 4, length: 5 } as const;
/** The size of an input still being made. */
export const NOT_MADE = -1;

export interface WorkerData extends FuzzSources {
  readonly epoch: number;
  readonly slot: SharedArrayBuffer;
  readonly budget: Budget;
}

export interface Batch {
  readonly from: number;
  readonly to: number;
}

export interface BatchResult extends Batch {
  readonly type: 'batch';
  /** Per input of the batch: time, size, and its source as an index into `sources`. */
  readonly ms: Float64Array;
  readonly sizes: Float64Array;
  readonly sources: Uint8Array;
  /** The pool knows the source of each from `sources`. */
  readonly failures: Omit<PoolFailure, 'source'>[];
}

const WORKER_FILE = path.join(__dirname, 'fuzzWorker.ts');
const BOOTSTRAP = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(WORKER_FILE)});`;
const POLL_MS = 50;
const SLOWEST = 5;
/** Loading the product and warming up takes about a second; on a loaded machine, more. */
const START_TIMEOUT_MS = 120_000;

interface Thread {
  readonly worker: Worker;
  readonly slot: Int32Array;
  ready: boolean;
  batch?: Batch;
  /** Set once the pool stops this worker or it died: nothing it says counts any more. */
  stopping: boolean;
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

function percentile(sorted: Float64Array, p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export async function runFuzzPool(options: PoolOptions): Promise<PoolResult> {
  const from = options.from ?? 0;
  const epoch = Date.now();
  const now = () => Date.now() - epoch;
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  // Per input (by index - from): its time (-1 until known), source and size; grown as inputs are handed out.
  const times: number[] = [];
  const sourceOf: number[] = [];
  const sizeOf: number[] = [];
  const failures: PoolFailure[] = [];
  const counts: Record<FailureKind, number> = { exception: 0, overrun: 0, crash: 0 };
  let done = 0;
  let workerStarts = 0;
  let stopped = false;
  /** Ranges of input indices still to hand out. */
  const queue: Batch[] = [{ from, to: from + options.count }];
  const batchSize = Math.max(1, Math.min(32, Math.ceil(options.count / (options.workers * 8))));

  const record = (failure: Omit<PoolFailure, 'source'>, source: number) => {
    const at = failure.index - from;
    if (times[at] >= 0) return;
    times[at] = failure.ms;
    sourceOf[at] = source;
    sizeOf[at] = failure.size;
    failures.push({ ...failure, source: options.sources[source] });
    counts[failure.kind]++;
    done++;
    if (failures.length >= options.maxFailures) stopped = true;
  };

  return new Promise<PoolResult>((resolve, reject) => {
    const threads: Thread[] = [];
    let finished = false;

    const stopAll = () => {
      finished = true;
      clearInterval(poller);
      for (const thread of threads) {
        thread.stopping = true;
        void thread.worker.terminate();
      }
    };

    const fail = (error: Error) => {
      if (finished) return;
      stopAll();
      reject(error);
    };

    const finish = () => {
      if (finished) return;
      stopAll();
      const measured = Float64Array.from(times.filter((ms) => ms >= 0)).sort();
      let characters = 0;
      const slowest: number[] = [];
      const bySource: Record<string, SourceFigures> = {};
      times.forEach((ms, at) => {
        if (ms < 0) return;
        characters += Math.max(0, sizeOf[at]);
        if (slowest.length < SLOWEST || ms > times[slowest[SLOWEST - 1]]) {
          slowest.splice(SLOWEST - 1, 1, at);
          slowest.sort((a, b) => times[b] - times[a]);
        }
        const figures = (bySource[options.sources[sourceOf[at]]] ??= { inputs: 0, failures: 0, totalMs: 0, maxMs: 0 });
        figures.inputs++;
        figures.totalMs += ms;
        figures.maxMs = Math.max(figures.maxMs, ms);
      });
      for (const failure of failures) bySource[failure.source].failures++;
      resolve({
        inputs: done,
        characters,
        elapsedMs: performance.now() - started,
        cpuMs: cpuMs(process.cpuUsage(cpuAtStart)),
        failures: failures.sort((a, b) => a.index - b.index),
        counts,
        p50Ms: percentile(measured, 0.5),
        p99Ms: percentile(measured, 0.99),
        maxMs: measured.length ? measured[measured.length - 1] : 0,
        slowest: slowest.map((at) => ({ index: from + at, source: options.sources[sourceOf[at]], ms: times[at], size: sizeOf[at] })),
        peakRssMb: process.resourceUsage().maxRSS / 1024,
        bySource,
        workerStarts,
        stoppedEarly: done < options.count,
      });
    };

    const idle = (thread: Thread) => {
      thread.batch = undefined;
      if (threads.every((other) => !other.batch)) finish();
    };

    const next = (thread: Thread) => {
      if (options.seconds !== undefined && performance.now() - started > options.seconds * 1000) stopped = true;
      const range = stopped ? undefined : queue.shift();
      if (!range) return idle(thread);
      const batch = { from: range.from, to: Math.min(range.to, range.from + batchSize) };
      if (batch.to < range.to) queue.unshift({ from: batch.to, to: range.to });
      while (times.length < batch.to - from) {
        times.push(-1);
        sourceOf.push(0);
        sizeOf.push(0);
      }
      thread.batch = batch;
      thread.worker.postMessage(batch);
    };

    const merge = (result: BatchResult) => {
      for (const failure of result.failures) record(failure, result.sources[failure.index - result.from]);
      result.ms.forEach((ms, i) => {
        const at = result.from + i - from;
        if (times[at] >= 0) return;
        times[at] = ms;
        sourceOf[at] = result.sources[i];
        sizeOf[at] = result.sizes[i];
        done++;
      });
      options.onProgress?.(done, failures.length);
    };

    /** The worker of `thread` stopped inside its batch: record the input it was on, queue the rest again, go on with a new worker. */
    const replace = (thread: Thread, kind: 'overrun' | 'crash', why: string) => {
      if (finished) return;
      const field = (name: keyof typeof SLOT) => Atomics.load(thread.slot, SLOT[name]);
      const batch = thread.batch;
      const index = field('index');
      const deadline = field('deadline');
      const onInput = batch !== undefined && deadline !== 0 && index >= batch.from && index < batch.to;
      // An overrun counts only if the deadline really passed: the input may have finished just before the kill.
      if (onInput && (kind === 'crash' || now() > deadline)) {
        const invariant = kind === 'overrun' ? 'within the time budget' : 'the checking thread survives';
        record({ index, kind, invariant, message: why, ms: now() - field('start'), size: field('size') }, field('source'));
      }
      if (batch) {
        // The results of the inputs before it died with the worker: check them again.
        const at = onInput ? index : batch.to;
        if (at + 1 < batch.to) queue.unshift({ from: at + 1, to: batch.to });
        if (batch.from < at) queue.unshift({ from: batch.from, to: at });
      }
      if (stopped) idle(thread);
      else spawn(threads.indexOf(thread));
    };

    const spawn = (at: number) => {
      const slot = new SharedArrayBuffer(SLOT.length * Int32Array.BYTES_PER_ELEMENT);
      const workerData: WorkerData = {
        seed: options.seed,
        documents: options.documents,
        sources: options.sources,
        ...(options.generatorModules ? { generatorModules: options.generatorModules } : {}),
        epoch,
        slot,
        budget: options.budget,
      };
      const worker = new Worker(BOOTSTRAP, {
        eval: true,
        workerData,
        // The server and the CLI check on a main thread, whose stack is about 1 MB; a worker's is 4 MB
        // by default, which would hide a stack overflow (a spread of 200,000 arguments).
        resourceLimits: { stackSizeMb: 1, ...(options.memoryMb ? { maxOldGenerationSizeMb: options.memoryMb } : {}) },
      });
      workerStarts++;
      const thread: Thread = { worker, slot: new Int32Array(slot), ready: false, stopping: false };
      threads[at] = thread;
      const startTimer = setTimeout(() => fail(new Error(`a fuzz worker did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      worker.on('message', (message: { type: 'ready' } | BatchResult) => {
        if (thread.stopping) return;
        if (message.type === 'ready') {
          clearTimeout(startTimer);
          thread.ready = true;
        } else {
          merge(message);
        }
        next(thread);
      });
      const died = (why: string) => {
        clearTimeout(startTimer);
        if (thread.stopping || finished) return;
        thread.stopping = true;
        if (!thread.ready) fail(new Error(`a fuzz worker failed to start: ${why}`));
        else replace(thread, 'crash', why);
      };
      worker.on('error', (error: NodeJS.ErrnoException) => died(`${error.code ?? error.name}: ${error.message}`));
      worker.on('exit', (code) => died(`the worker exited with code ${code}`));
    };

    const poller = setInterval(() => {
      for (const thread of threads) {
        if (thread.stopping || !thread.batch) continue;
        const deadline = Atomics.load(thread.slot, SLOT.deadline);
        if (deadline === 0 || now() <= deadline) continue;
        thread.stopping = true;
        const budget = deadline - Atomics.load(thread.slot, SLOT.start);
        void thread.worker.terminate().then(() => replace(thread, 'overrun', `still running after its budget of ${budget} ms; stopped`));
      }
    }, POLL_MS);

    for (let at = 0; at < Math.max(1, options.workers); at++) spawn(at);
  });
}

/**
 * Batch throughput: `opnote check` over the shared corpus, process start included, pinned to one core
 * with taskset when there is one (V8's compiler and collector threads share that core too), and as run
 * by default (its helper threads free to use every core).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchCorpus } from './corpus';
import { hasCommand, print, ROOT, seconds, stats, table, timeProcess, type Stats } from './util';

export interface BatchMode {
  readonly name: string;
  readonly wall: Stats;
  readonly mbPerSecond: number;
  readonly notesPerSecond: number;
  readonly exitCode: number | null;
}

export interface BatchResult {
  readonly files: number;
  readonly bytes: number;
  readonly processStart: Stats;
  readonly modes: readonly BatchMode[];
  readonly regexPassMs: number;
  readonly summary: string;
}

const CLI = path.join(ROOT, 'dist/cli.js');

export async function batch(corpus: BenchCorpus, runs: number): Promise<BatchResult> {
  const pin = hasCommand('taskset') && os.availableParallelism() > 1;
  const cores = os.availableParallelism();
  const variants: Array<{ name: string; command: string; args: string[] }> = [{ name: `default (${cores} cores)`, command: process.execPath, args: [CLI, 'check', corpus.dir] }];
  if (pin) variants.unshift({ name: 'one core, pinned (taskset -c 0)', command: 'taskset', args: ['-c', '0', process.execPath, CLI, 'check', corpus.dir] });
  const start: number[] = [];
  for (let i = 0; i < runs; i++) start.push((await timeProcess(process.execPath, [CLI, '--version'])).ms);
  const samples = new Map<string, { wall: number[]; code: number | null }>(variants.map((variant) => [variant.name, { wall: [], code: null }]));
  // Interleaved, so that a burst of load on a shared machine does not land on one mode only.
  await timeProcess(process.execPath, [CLI, 'check', corpus.dir]); // file cache warm
  for (let i = 0; i < runs; i++) {
    for (const variant of variants) {
      const result = await timeProcess(variant.command, variant.args);
      const sample = samples.get(variant.name)!;
      sample.wall.push(result.ms);
      sample.code = result.code;
      if (result.code !== 0 && result.code !== 1) throw new Error(`opnote check failed (${variant.name}): exit ${result.code}\n${result.stderr.slice(0, 2000)}`);
    }
  }
  const modes: BatchMode[] = variants.map((variant) => {
    const sample = samples.get(variant.name)!;
    const wall = stats(sample.wall);
    return { name: variant.name, wall, mbPerSecond: corpus.bytes / 1e6 / (wall.p50 / 1000), notesPerSecond: corpus.files / (wall.p50 / 1000), exitCode: sample.code };
  });

  // For scale: one regular-expression pass that only splits the text into words.
  const regexRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    let words = 0;
    for (const text of corpus.texts) {
      const word = /\w+/g;
      while (word.exec(text)) words++;
    }
    regexRuns.push(performance.now() - started + (words < 0 ? 1 : 0));
  }
  const regexPassMs = Math.min(...regexRuns);

  const processStart = stats(start);
  print(`${corpus.files} notes, ${(corpus.bytes / 1e6).toFixed(2)} MB (UTF-8), in ${corpus.dir}; ${runs} runs of each mode, interleaved.`);
  print(
    table([
      ['mode', 'median', 'best', 'worst', 'MB/s', 'notes/s'],
      ...modes.map((mode) => [mode.name, seconds(mode.wall.p50), seconds(mode.wall.min), seconds(mode.wall.max), mode.mbPerSecond.toFixed(1), mode.notesPerSecond.toFixed(0)]),
    ]),
  );
  print(`process start alone (opnote --version): median ${seconds(processStart.p50)}${process.env.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS is set: Node loads those certificates at every start)' : ''}`);
  print(`for scale, a bare /\\w+/g pass over the same text in this process: ${seconds(regexPassMs)}`);
  const best = modes.reduce((a, b) => (a.wall.p50 <= b.wall.p50 ? a : b));
  return {
    files: corpus.files,
    bytes: corpus.bytes,
    processStart,
    modes,
    regexPassMs,
    summary: `${seconds(best.wall.p50)} (${best.name})`,
  };
}

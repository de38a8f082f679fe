/**
 * `npm run bench:stream -- [--runs N] [--files N]`: the streaming figures of issue 16 (`--files 0`: no
 * generated folders).
 *
 * - `opnote check --stdin` over 3 x the shared corpus (7,131 JSON Lines records, built from the shared
 *   folder at run time in a temporary file, never copied into the project): lines out, in order,
 *   peak RSS, time per record, against the file mode over the corpus (2,377 files) per file; both
 *   also pinned to one core (taskset), which is the throughput per core a distributed engine gets.
 * - The file mode over a generated folder of N files (default 100,000, in one directory): peak RSS
 *   and time, and the same at N/10, to show memory does not grow with the number of files.
 *
 * Peak RSS is the child's VmHWM (/proc/PID/status), read every 20 ms while it runs. Figures only, no
 * assertion; they go in docs/performance.md and docs/scale.md.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { memoryOf } from '../../test/helpers/lspSession';
import { benchCorpus } from './corpus';
import { hasCommand, heading, machine, megabytes, print, ROOT, seconds, table } from './util';

const CLI = path.join(ROOT, 'dist/cli.js');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

interface Run {
  readonly ms: number;
  readonly peakRss: number;
  readonly code: number | null;
  readonly lines: number;
  /** The `id` of each output line, for --stdin. */
  readonly ids: string[];
}

/** Runs the CLI with stdin from a file (or none) and counts the lines it writes, watching its peak RSS. */
async function measure(args: readonly string[], input: string | undefined, pin: boolean, keepIds: boolean): Promise<Run> {
  const [command, commandArgs] = pin ? ['taskset', ['-c', '0', process.execPath, CLI, ...args]] : [process.execPath, [CLI, ...args]];
  const started = process.hrtime.bigint();
  const child = spawn(command, commandArgs, { stdio: [input ? fs.openSync(input, 'r') : 'ignore', 'pipe', 'inherit'] });
  let peakRss = 0;
  const watch = setInterval(() => {
    const peak = memoryOf(child.pid)?.peak; // NaN once the process has exited
    if (peak !== undefined && Number.isFinite(peak)) peakRss = Math.max(peakRss, peak);
  }, 20);
  let lines = 0;
  let rest = '';
  const ids: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = rest + chunk.toString('utf8');
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    lines += parts.length;
    if (keepIds) for (const line of parts) ids.push(String((JSON.parse(line) as { id?: unknown }).id));
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(watch);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, peakRss, code, lines, ids };
}

const best = (runs: readonly Run[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));

async function repeat(runs: number, args: readonly string[], input: string | undefined, pin: boolean, keepIds = false): Promise<Run> {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) results.push(await measure(args, input, pin, keepIds));
  const fastest = best(results);
  return { ...fastest, peakRss: Math.max(...results.map((run) => run.peakRss)) };
}

async function main(): Promise<void> {
  if (!fs.existsSync(CLI)) throw new Error('dist/ is missing: run npm run build first');
  const runs = option('runs', 3);
  const generated = option('files', 100_000);
  const pin = hasCommand('taskset') && os.availableParallelism() > 1;
  heading('machine');
  print(table(Object.entries(machine()).map(([key, value]) => [key, String(value)])));

  const corpus = benchCorpus();
  const rows: string[][] = [['run', 'records', 'lines out', 'best wall', 'per record', 'peak RSS']];
  const start = await repeat(runs, ['--version'], undefined, false);
  if (corpus) {
    heading('--stdin over 3 x the corpus against the file mode over the corpus');
    const jsonl = path.join(os.tmpdir(), `opnote-bench-stdin-${process.pid}.jsonl`);
    const out = fs.openSync(jsonl, 'w');
    let records = 0;
    for (let copy = 0; copy < 3; copy++) for (const text of corpus.texts) fs.writeSync(out, `${JSON.stringify({ id: `r${records++}`, kind: 'opnote', text })}\n`);
    fs.closeSync(out);
    try {
      for (const pinned of pin ? [false, true] : [false]) {
        const where = pinned ? ', one core (taskset -c 0)' : '';
        const files = await repeat(runs, ['check', '--format', 'json', corpus.dir], undefined, pinned);
        const stdin = await repeat(runs, ['check', '--stdin'], jsonl, pinned, true);
        const inOrder = stdin.ids.length === records && stdin.ids.every((id, index) => id === `r${index}`);
        const perFile = (files.ms - start.ms) / corpus.files;
        const perRecord = (stdin.ms - start.ms) / records;
        rows.push([`file mode, ${corpus.files} files${where}`, String(corpus.files), '-', seconds(files.ms), `${perFile.toFixed(3)} ms`, megabytes(files.peakRss)]);
        rows.push([`--stdin, ${records} records${where}`, String(records), `${stdin.lines}${inOrder ? ', in order' : ', NOT IN ORDER'}`, seconds(stdin.ms), `${perRecord.toFixed(3)} ms (${(perRecord / perFile).toFixed(2)} x file mode)`, megabytes(stdin.peakRss)]);
        rows.push([`  throughput${where}`, '', '', '', `${(1000 / perRecord).toFixed(0)} records/s`, '']);
      }
    } finally {
      fs.rmSync(jsonl, { force: true });
    }
  } else print('The shared corpus is not here: the --stdin comparison is skipped.');

  if (generated > 0) heading(`the file mode over generated folders (${generated / 10} and ${generated} files in one directory)`);
  const seeds = ['well-documented.opnote', 'flawed.opnote', 'dictation.opnote'].map((name) => fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8'));
  for (const count of generated > 0 ? [generated / 10, generated] : []) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opnote-bench-many-'));
    try {
      for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `n${i}.opnote`), seeds[i % seeds.length]);
      const run = await measure(['check', '--format', 'json', dir], undefined, false, false);
      rows.push([`file mode, ${count} generated files, --format json`, String(count), `${run.lines} (exit ${run.code})`, seconds(run.ms), `${((run.ms - start.ms) / count).toFixed(3)} ms`, megabytes(run.peakRss)]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  heading('summary');
  print(`process start alone (opnote --version): ${seconds(start.ms)}, subtracted from the per-record times; best of ${runs} runs, peak RSS the largest seen.`);
  print(table(rows));
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

/** Small helpers shared by the benchmark sections: statistics, child-process timing, formatting. */
import { spawn, spawnSync } from 'node:child_process';
import * as os from 'node:os';

export const ROOT = `${__dirname}/../..`;

export interface Stats {
  readonly n: number;
  readonly min: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

/** Nearest-rank percentiles of a sample. */
export function stats(sample: readonly number[]): Stats {
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return { n: sorted.length, min: sorted[0], p50: rank(50), p95: rank(95), max: sorted[sorted.length - 1] };
}

export const ms = (value: number, digits = 1) => `${value.toFixed(digits)} ms`;
export const seconds = (valueMs: number) => `${(valueMs / 1000).toFixed(2)} s`;
export const megabytes = (bytes: number, digits = 1) => `${(bytes / (1024 * 1024)).toFixed(digits)} MB`;

/** Wall time of a child process from spawn to exit, with its exit code and output. */
export async function timeProcess(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ ms: number; code: number | null; stdout: string; stderr: string }> {
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { cwd: options.cwd ?? process.cwd(), env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, code, stdout, stderr };
}

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** What the figures were measured on: they mean little without it. */
export function machine(): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memory: megabytes(os.totalmem(), 0),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((load) => load.toFixed(2)).join(' '),
  };
}

export function table(rows: ReadonlyArray<readonly string[]>): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')).join('\n');
}

export function heading(title: string): void {
  process.stdout.write(`\n== ${title} ${'='.repeat(Math.max(0, 72 - title.length))}\n`);
}

export const print = (text = '') => process.stdout.write(`${text}\n`);

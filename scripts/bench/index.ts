/**
 * `npm run bench -- [--only batch,stages,latency,pathological,memory,activation,vsix,claims,x12] [--runs N] [--quick] [--json FILE]`
 *
 * Prints OpNote's speed, latency, memory and size figures for this machine: batch throughput of
 * `opnote check` over the shared corpus (one core and worker threads, process start included), where
 * the time goes, editor latency over the LSP, pathological notes (seconds per MB up to 8 MiB, hover
 * latency while one is checked), server memory with 100 open documents, extension
 * activation, .vsix size, `opnote check` on generated claims of up to 8 MB, and on X12 837P files of
 * up to 100,000 claims. Method and latest
 * figures: docs/performance.md. Needs `npm run build`
 * first (the npm script does it). No timed assertions: figures only.
 */
import * as fs from 'node:fs';
import { activation, vsix } from './extension';
import { batch } from './batch';
import { claims } from './claims';
import { benchCorpus } from './corpus';
import { latency } from './latency';
import { memory } from './memory';
import { pathological } from './pathological';
import { stages } from './stages';
import { x12 } from './x12';
import { heading, machine, megabytes, ms, print, ROOT, seconds, table } from './util';

const SECTIONS = ['batch', 'stages', 'latency', 'pathological', 'memory', 'activation', 'vsix', 'claims', 'x12'] as const;

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  return args[at].includes('=') ? args[at].slice(args[at].indexOf('=') + 1) : args[at + 1];
}

async function main(): Promise<void> {
  const only = (option('only') ?? SECTIONS.join(',')).split(',').map((name) => name.trim());
  const unknown = only.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`unknown section ${unknown.join(', ')}: use ${SECTIONS.join(', ')}`);
  const quick = process.argv.includes('--quick');
  const runs = Number(option('runs') ?? (quick ? 3 : 7));
  if (!fs.existsSync(`${ROOT}/dist/cli.js`)) throw new Error('dist/ is missing: run npm run build first');

  heading('machine');
  const env = machine();
  print(table(Object.entries(env).map(([key, value]) => [key, String(value)])));
  const corpus = only.some((name) => ['batch', 'stages'].includes(name)) || only.includes('latency') || only.includes('memory') ? benchCorpus() : undefined;
  if (!corpus) print('The shared corpus (corpus/mtsamples_all_unique.jsonl.gz in the shared folder) is not here: batch figures are skipped, latency and memory use the project\'s own documents.');

  const figures: Record<string, unknown> = { machine: env, date: new Date().toISOString() };
  const summary: string[][] = [['figure', 'measured', 'target']];
  if (only.includes('batch') && corpus) {
    heading('batch throughput: opnote check over the corpus, process start included');
    const result = await batch(corpus, runs);
    figures.batch = result;
    for (const mode of result.modes) summary.push([`batch, ${mode.name}`, `${seconds(mode.wall.p50)}, ${mode.mbPerSecond.toFixed(1)} MB/s, ${mode.notesPerSecond.toFixed(0)} notes/s`, '< 1 s for the corpus']);
  }
  if (only.includes('stages') && corpus) {
    heading('where the time goes (in process, CPU time)');
    figures.stages = stages(corpus.texts, quick ? 2 : 4);
  }
  if (only.includes('latency')) {
    heading('editor latency over the LSP (stdio, validation.delay 0)');
    const result = await latency(corpus?.texts, quick);
    figures.latency = result;
    summary.push(['didChange -> diagnostics, 5 KB note', `p50 ${ms(result.note5k.change.p50, 2)}, p95 ${ms(result.note5k.change.p95, 2)}`, 'p50 <= 2 ms']);
    summary.push(['didChange -> diagnostics, 1 MB document', `p50 ${ms(result.doc1m.change.p50)}, p95 ${ms(result.doc1m.change.p95)}`, 'p50 <= 50 ms']);
    summary.push(['hover, 5 KB note', `p50 ${ms(result.note5k.hover.p50, 2)}, p95 ${ms(result.note5k.hover.p95, 2)}`, 'p50 <= 1 ms']);
  }
  if (only.includes('pathological')) {
    heading('pathological notes: seconds per MB up to 8 MiB, hover while one is checked');
    const result = await pathological(quick);
    figures.pathological = result;
    const worst = Math.max(...result.check.flatMap((row) => row.runs.map((run) => run.ms / (run.chars / (1024 * 1024)))));
    summary.push(['pathological notes up to 8 MiB, worst', `${(worst / 1000).toFixed(2)} s/MB`, '< 2 s per MB']);
    summary.push(['hover on another note while a 1 MB pathological note is checked', `max ${ms(Math.max(...result.hover.map((row) => row.hover.max)))}`, 'within 100 ms']);
  }
  if (only.includes('memory')) {
    heading('server memory with 100 open notes and claims');
    const result = await memory(corpus?.texts);
    figures.memory = result;
    summary.push(['server RSS, 100 open documents', megabytes(result.rss), '<= 60 MB']);
  }
  if (only.includes('activation')) {
    heading('extension activation (without VS Code)');
    const result = await activation(quick ? 3 : 7);
    figures.activation = result;
    summary.push(['require dist/client.js', ms(result.requireClient.p50), '']);
    summary.push(['server spawn -> initialize answered', ms(result.serverInitialize.p50), '']);
  }
  if (only.includes('vsix')) {
    heading('.vsix size');
    const result = await vsix();
    figures.vsix = result;
    if (result.production !== undefined) summary.push(['.vsix (npm run package)', megabytes(result.production, 2), '< 1.5 MB']);
  }
  if (only.includes('claims')) {
    heading('big claims: opnote check --format json, process start included');
    const result = claims(quick ? [1, 8] : [0.024, 0.5, 1, 8], runs);
    figures.claims = result;
    print(table([['shape', 'size', 'wall', 'CPU', 'CPU s/MB', 'JSON report'], ...result.map((row) => [row.shape, megabytes(row.bytes, 2), seconds(row.wallMs), seconds(row.cpuMs), row.secondsPerMb.toFixed(2), megabytes(row.reportBytes, 2)])]));
    const worst = result.filter((row) => row.bytes > 4 * 1024 * 1024).reduce((a, b) => (b.secondsPerMb > a.secondsPerMb ? b : a));
    summary.push(['big claims, worst shape at 8 MB (CPU)', `${worst.secondsPerMb.toFixed(2)} s/MB (${worst.shape})`, '< 2 s/MB']);
  }
  if (only.includes('x12')) {
    heading('X12 837P files: opnote check --format json, process start included');
    const result = x12(quick ? [1000, 10000] : [1000, 10000, 100000], runs);
    figures.x12 = result;
    print(table([['claims', 'size', 'wall', 'CPU', 'peak RSS', 'µs per claim'], ...result.map((row) => [row.claims.toLocaleString('en-US'), megabytes(row.bytes, 2), seconds(row.wallMs), seconds(row.cpuMs), megabytes(row.peakRssBytes), row.microsecondsPerClaim.toFixed(0)])]));
    const largest = result[result.length - 1];
    summary.push([`X12 837P, ${largest.claims.toLocaleString('en-US')} claims (CPU, peak RSS)`, `${seconds(largest.cpuMs)}, ${megabytes(largest.peakRssBytes)}`, 'memory bounded by the file size']);
  }
  heading('summary');
  print(table(summary));
  const json = option('json');
  if (json) {
    fs.writeFileSync(json, `${JSON.stringify(figures, null, 2)}\n`);
    print(`\nfigures written to ${json}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

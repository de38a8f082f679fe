/**
 * `npm run fuzz -- [--count N] [--seconds S] [--seed K] [--from I] [--workers N] [--budget-ms B]
 *   [--budget-per-kb-ms P] [--generators a,b] [--generators-module FILE] [--max-failures F]
 *   [--memory-mb M] [--out DIR] [--corpus-only | --project-only] [--list]`
 *
 * Fuzzing of the language service on worker threads: mutations of real notes and claims (the
 * project's, and the shared corpus's transcriptions when the shared folder is there, read from there,
 * never copied into the project) and grammar-aware documents (test/helpers/fuzzGrammar.ts). Every
 * input is checked against the invariants of test/helpers/robustness.ts within a time budget of
 * B ms + P ms per KB (also OPNOTE_FUZZ_BUDGET_MS, OPNOTE_FUZZ_BUDGET_PER_KB_MS); over budget is a
 * failure. Failing inputs are written under test-results/fuzz/ (gitignored), or to a temporary folder
 * when they hold corpus text, with the command that repeats each. Exit code 1 when anything failed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusTranscriptions, projectDocuments, ROOT, type SeedDocument } from '../test/helpers/corpus';
import { fuzzInput, generatorsOf, MUTATION, SOURCE_NAMES, type FuzzInput, type FuzzSources } from '../test/helpers/fuzz';
import { budgetFromEnvironment, NOT_MADE, runFuzzPool, type PoolFailure } from '../test/helpers/fuzzPool';

const USAGE =
  'Usage: npm run fuzz -- [--count N] [--seconds S] [--seed K] [--from I] [--workers N] [--budget-ms B] [--budget-per-kb-ms P]\n' +
  `       [--generators ${SOURCE_NAMES.join(',')}] [--generators-module FILE] [--max-failures F] [--memory-mb M] [--out DIR]\n` +
  '       [--corpus-only | --project-only] [--list]\n';

const args = process.argv.slice(2);
function option(name: string): string | undefined {
  const at = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  return args[at].includes('=') ? args[at].slice(args[at].indexOf('=') + 1) : args[at + 1];
}
const flag = (name: string) => args.includes(`--${name}`);
function usage(problem: string): never {
  process.stderr.write(`${problem}\n${USAGE}`);
  process.exit(2);
}
function numberOption(name: string, fallback: number | undefined): number | undefined {
  const raw = option(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) usage(`--${name} must be a number >= 0, not ${raw}`);
  return value;
}

// A module exporting `generators: Generator[]` (test/helpers/fuzzGrammar.ts) adds sources to try before they join the registry.
const generatorModules = option('generators-module') ? [path.resolve(option('generators-module')!)] : [];
const generators = generatorsOf({ generatorModules });
if (flag('list')) {
  process.stdout.write(`${MUTATION} (weight 1): mutations of the project's notes and claims and of the corpus transcriptions (test/helpers/mutate.ts)\n`);
  for (const generator of generators) process.stdout.write(`${generator.name} (weight ${generator.weight}): ${generator.description}\n`);
  process.exit(0);
}

const countOption = numberOption('count', undefined) ?? numberOption('runs', undefined);
const seconds = numberOption('seconds', countOption === undefined ? 60 : undefined);
// Without --count the run is bounded by --seconds; the count only has to be out of reach.
const count = countOption ?? 100_000_000;
const seed = numberOption('seed', Date.now() % 1_000_000)!;
const from = numberOption('from', 0)!;
const workers = Math.min(numberOption('workers', Math.min(2, os.availableParallelism()))!, countOption ?? Infinity);
const fromEnvironment = budgetFromEnvironment();
const budget = { baseMs: numberOption('budget-ms', fromEnvironment.baseMs)!, perKbMs: numberOption('budget-per-kb-ms', fromEnvironment.perKbMs)! };
const maxFailures = numberOption('max-failures', 20)!;
const memoryMb = numberOption('memory-mb', 2048);
const out = path.resolve(option('out') ?? path.join(ROOT, 'test-results', 'fuzz'));
const known = [MUTATION, ...generators.map((generator) => generator.name)];
const sources = option('generators')?.split(',').map((name) => name.trim()).filter(Boolean) ?? (generatorModules.length ? known : [...SOURCE_NAMES]);
const unknown = sources.filter((name) => !known.includes(name));
if (count < 1 || workers < 1 || sources.length === 0 || unknown.length > 0) usage(unknown.length ? `Unknown generators: ${unknown.join(', ')}` : 'Nothing to run.');

const project = flag('corpus-only') ? [] : projectDocuments();
const transcriptions = flag('project-only') ? undefined : corpusTranscriptions();
const corpus: SeedDocument[] = (transcriptions ?? []).map((text, i) => ({ name: `corpus/${String(i).padStart(4, '0')}.opnote`, kind: 'opnote', text }));
// Claims come from the project only: repeat its documents so that they are about a third of the seeds.
const repeat = project.length && corpus.length ? Math.max(1, Math.round(corpus.length / (2 * project.length))) : 1;
const documents = [...Array.from({ length: repeat }, () => project).flat(), ...corpus];
if (documents.length === 0) usage('No documents to mutate (the shared corpus is not here and --corpus-only was given).');

const thousands = (n: number) => Math.round(n).toLocaleString('en-US');
process.stdout.write(
  `Fuzzing with seed ${seed}: ${countOption !== undefined ? `${thousands(count)} inputs` : `${seconds} s`} from ${sources.join(', ')}, on ${workers} workers; ` +
    `budget ${budget.baseMs} ms + ${budget.perKbMs} ms/KB per input. Mutating ${project.length} project documents${transcriptions ? ` and ${corpus.length} corpus transcriptions` : flag('project-only') ? '' : ' (shared corpus not found)'}.\n`,
);

const config: FuzzSources = { seed, documents, sources, ...(generatorModules.length ? { generatorModules } : {}) };
// The flags that decide what input I is, so that a failing one can be made again.
const sameInputs = [
  `--seed ${seed}`,
  ...(option('generators') ? [`--generators ${sources.join(',')}`] : []),
  ...(generatorModules.length ? [`--generators-module ${generatorModules[0]}`] : []),
  ...(flag('corpus-only') ? ['--corpus-only'] : []),
  ...(flag('project-only') ? ['--project-only'] : []),
].join(' ');

/** The input again, or why it cannot be made (its generator threw or was stopped). */
function remake(index: number, size: number): FuzzInput | string {
  if (size === NOT_MADE) return 'it was stopped while its generator was making it';
  try {
    return fuzzInput(config, index);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function save(failure: PoolFailure, input: FuzzInput): string {
  // Corpus text stays out of the project, even in an ignored folder.
  const base = input.fromCorpus ? path.join(os.tmpdir(), 'opnote-fuzz') : out;
  const dir = path.join(base, `seed${seed}-input${failure.index}-${input.source}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, path.basename(input.uri)), input.text);
  for (const [file, text] of Object.entries(input.files)) {
    const target = path.join(dir, path.relative(path.dirname(input.uri), file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
  fs.writeFileSync(
    path.join(dir, 'failure.txt'),
    `${failure.kind}: ${failure.invariant} (${input.source}: ${input.detail}; ${thousands(failure.size)} characters, ${failure.ms.toFixed(0)} ms)\n` +
      `repeat: npm run fuzz -- ${sameInputs} --from ${failure.index} --count 1\n\n${failure.message}\n`,
  );
  return dir;
}

let lastReport = performance.now();
runFuzzPool({
  ...config,
  count,
  from,
  ...(seconds !== undefined ? { seconds } : {}),
  workers,
  budget,
  maxFailures,
  ...(memoryMb ? { memoryMb } : {}),
  onProgress: (done, failures) => {
    if (performance.now() - lastReport < 10_000) return;
    lastReport = performance.now();
    process.stdout.write(`  ${thousands(done)} inputs, ${failures} failures...\n`);
  },
}).then(
  (result) => {
    const seconds = result.elapsedMs / 1000;
    const failed = new Set(result.failures.map((failure) => failure.index));
    process.stdout.write(
      `\nInputs: ${thousands(result.inputs)} (${(result.characters / 1e6).toFixed(1)} M characters) in ${seconds.toFixed(1)} s on ${workers} workers: ${thousands(result.inputs / seconds)} inputs/s.\n` +
        `CPU time: ${(result.cpuMs / 1000).toFixed(0)} s, ${(result.cpuMs / result.inputs).toFixed(2)} ms per input (all threads): ${thousands((os.availableParallelism() * 1000 * result.inputs) / result.cpuMs)} inputs/s if this process had all ${os.availableParallelism()} cores.\n` +
        `Exceptions: ${result.counts.exception}; budget overruns: ${result.counts.overrun}; worker crashes: ${result.counts.crash}.\n` +
        `Time per input: p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(1)} ms, max ${result.maxMs.toFixed(0)} ms.\n` +
        `Slowest: ${result.slowest.map((slow) => `input ${slow.index} (${slow.source}${failed.has(slow.index) ? ', failed' : `: ${(remake(slow.index, slow.size) as FuzzInput).detail}`}, ${thousands(slow.size)} characters) ${slow.ms.toFixed(0)} ms`).join('; ')}.\n` +
        `Peak RSS: ${result.peakRssMb.toFixed(0)} MB (the whole process, workers included); workers started: ${result.workerStarts}; load average now ${os.loadavg()[0].toFixed(1)} (a busy machine slows every input).\n` +
        `By source: ${Object.entries(result.bySource).sort().map(([name, figures]) => `${name} ${thousands(figures.inputs)} (mean ${(figures.totalMs / figures.inputs).toFixed(1)} ms, max ${figures.maxMs.toFixed(0)} ms${figures.failures ? `, ${figures.failures} FAILED` : ''})`).join(', ')}.\n`,
    );
    if (result.stoppedEarly && result.failures.length >= maxFailures) process.stdout.write(`Stopped after ${maxFailures} failures.\n`);
    if (result.failures.length === 0) {
      process.stdout.write('Every invariant held within budget.\n');
      return;
    }
    for (const failure of result.failures) {
      const input = remake(failure.index, failure.size);
      const where = typeof input === 'string' ? `cannot be made again: ${input}` : `${input.detail} -> ${save(failure, input)}`;
      process.stdout.write(`\nFAIL ${failure.kind} input ${failure.index} (${failure.source}, ${thousands(failure.size)} characters, ${failure.ms.toFixed(0)} ms): ${where}\n${failure.message.split('\n').slice(0, 6).join('\n')}\n`);
    }
    process.stdout.write(`\n${result.failures.length} failing inputs; repeat one with: npm run fuzz -- ${sameInputs} --from ${result.failures[0].index} --count 1\n`);
    process.exitCode = 1;
  },
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  },
);

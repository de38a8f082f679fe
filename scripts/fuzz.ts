/**
 * `npm run fuzz -- [--runs N] [--seconds S] [--seed K] [--corpus-only | --project-only]`
 *
 * Mutation fuzzing of the language service over real text: the project's notes and claims and, when
 * the shared folder is there, the 2,377 transcriptions of the shared corpus (read from there, never
 * copied into the project). Every input is checked against the invariants of
 * test/helpers/robustness.ts. Prints how many inputs it tried; failing inputs are written to a
 * temporary folder (never into the project: they may hold corpus text) with their seed and index, so
 * `--seed K --from I --runs 1` repeats one. Exit code 1 when an invariant broke.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusTranscriptions, projectDocuments, type SeedDocument } from '../test/helpers/corpus';
import { fuzz, type FuzzOptions } from '../test/helpers/fuzz';

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const at = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  return args[at].includes('=') ? args[at].split('=')[1] : args[at + 1];
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const runs = option('runs') === undefined ? undefined : Number(option('runs'));
const seconds = option('seconds') === undefined ? (runs === undefined ? 60 : undefined) : Number(option('seconds'));
const seed = Number(option('seed') ?? Date.now() % 1_000_000);
const from = Number(option('from') ?? 0);
if ((runs !== undefined && !(runs > 0)) || (seconds !== undefined && !(seconds > 0)) || !Number.isFinite(seed)) {
  process.stderr.write('Usage: npm run fuzz -- [--runs N] [--seconds S] [--seed K] [--from I] [--corpus-only | --project-only]\n');
  process.exit(2);
}

const project = flag('corpus-only') ? [] : projectDocuments();
const transcriptions = flag('project-only') ? undefined : corpusTranscriptions();
const corpus: SeedDocument[] = (transcriptions ?? []).map((text, i) => ({ name: `corpus/${String(i).padStart(4, '0')}.opnote`, kind: 'opnote', text }));
// Claims come from the project only: repeat its documents so that they are about a third of the seeds.
const repeat = project.length && corpus.length ? Math.max(1, Math.round(corpus.length / (2 * project.length))) : 1;
const documents = [...Array.from({ length: repeat }, () => project).flat(), ...corpus];
if (documents.length === 0) {
  process.stderr.write('No documents to fuzz (the shared corpus is not here and --corpus-only was given).\n');
  process.exit(2);
}
process.stdout.write(
  `Fuzzing ${project.length} project documents${transcriptions ? ` and ${corpus.length} corpus transcriptions` : ' (shared corpus not found)'}; seed ${seed}, ` +
    `${runs !== undefined ? `${runs} inputs` : ''}${runs !== undefined && seconds !== undefined ? ' or ' : ''}${seconds !== undefined ? `${seconds} s` : ''}.\n`,
);

// Inputs from..from+runs: offset the index by re-seeding is not needed, fuzzInput is pure in (seed, index).
const options: FuzzOptions = {
  seed,
  documents,
  ...(runs !== undefined ? { runs: from + runs } : {}),
  ...(seconds !== undefined ? { seconds } : {}),
  maxFailures: 20,
  onProgress: (tried) => {
    if (tried % 1000 === 0) process.stdout.write(`  ${tried} inputs...\n`);
  },
};
const result = fuzz(from > 0 ? { ...options, skip: from } : options);

const tried = result.tried;
const mb = result.bytes / 1e6;
process.stdout.write(`Tried ${tried} inputs (${mb.toFixed(1)} M characters) in ${(result.elapsedMs / 1000).toFixed(1)} s: ${(tried / (result.elapsedMs / 1000)).toFixed(0)} inputs/s.\n`);
process.stdout.write(`Mutations: ${Object.entries(result.mutationCounts).sort().map(([name, count]) => `${name} ${count}`).join(', ')}\n`);
if (result.failures.length === 0) {
  process.stdout.write('Every invariant held.\n');
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opnote-fuzz-'));
  for (const failure of result.failures) {
    const file = path.join(dir, `seed${seed}-input${failure.index}.${failure.kind}`);
    fs.writeFileSync(file, failure.text);
    process.stdout.write(`\nFAIL input ${failure.index} (${failure.document} as ${failure.kind}; ${failure.mutations.join(' + ')}) -> ${file}\n${failure.message.split('\n').slice(0, 8).join('\n')}\n`);
  }
  process.stdout.write(`\n${result.failures.length} failing inputs; repeat one with: npm run fuzz -- --seed ${seed} --from ${result.failures[0].index} --runs 1\n`);
  process.exitCode = 1;
}

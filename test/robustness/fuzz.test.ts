import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { corpusTranscriptions, projectDocuments, type SeedDocument } from '../helpers/corpus';
import { fuzzSource, MUTATION, SOURCE_NAMES, type FuzzSources } from '../helpers/fuzz';
import { budgetFromEnvironment, runFuzzPool, type Budget, type PoolFailure, type PoolOptions, type PoolResult } from '../helpers/fuzzPool';

/**
 * The short, seeded run of `npm run fuzz` (scripts/fuzz.ts runs as long as asked): every source (the
 * mutations of the project's notes and claims, and each grammar-aware generator) on worker threads,
 * each input within a time budget; and mutations of real transcriptions when the shared corpus is
 * there. The same seed always gives the same inputs. The budget is the fuzzer's (DEFAULT_BUDGET:
 * tens of times what these inputs need, so that only super-linear work fails it;
 * OPNOTE_FUZZ_BUDGET_MS / _PER_KB_MS raise it on a slower machine).
 */

const SEED = 30;
const BUDGET: Budget = budgetFromEnvironment();

function report(failures: readonly PoolFailure[], repeat: string): string {
  return failures
    .map((failure) => `input ${failure.index} (${failure.source}, ${failure.size} characters, ${failure.ms.toFixed(0)} ms) ${failure.kind}: ${failure.message.split('\n').slice(0, 4).join('\n')}\n  repeat: ${repeat} --from ${failure.index} --count 1`)
    .join('\n');
}

function run(options: Pick<PoolOptions, 'seed' | 'documents' | 'sources' | 'count'> & Partial<PoolOptions>): Promise<PoolResult> {
  // Every failure is reported (no early stop), so that each source's test tells about its own inputs.
  return runFuzzPool({ workers: 2, budget: BUDGET, maxFailures: Infinity, ...options });
}

describe('robustness: fuzzing (short, seeded, a time budget per input)', function () {
  this.timeout(300_000);
  let result: PoolResult;

  before(async () => {
    result = await run({ seed: SEED, documents: projectDocuments(), sources: SOURCE_NAMES, count: 600 });
  });

  for (const source of SOURCE_NAMES) {
    it(`${source}: every input keeps every invariant within its budget`, () => {
      assert.ok((result.bySource[source]?.inputs ?? 0) >= 10, `only ${result.bySource[source]?.inputs ?? 0} ${source} inputs were checked`);
      const failures = result.failures.filter((failure) => failure.source === source);
      assert.deepEqual(failures.map((failure) => failure.index), [], report(failures, `npm run fuzz -- --seed ${SEED} --project-only`));
    });
  }

  it('150 mutations of real transcriptions keep every invariant within budget (shared corpus)', async function () {
    const transcriptions = corpusTranscriptions();
    if (!transcriptions) {
      console.log('      (skipped: the shared corpus is not on this machine)');
      this.skip();
    }
    // A fixed, small, mixed sample: every 16th transcription, plus the project's claims to splice with.
    const documents: SeedDocument[] = [
      ...transcriptions!.filter((_, i) => i % 16 === 0).map((text, i) => ({ name: `corpus/${i}.opnote`, kind: 'opnote' as const, text })),
      ...projectDocuments().filter((document) => document.kind === 'claim'),
    ];
    const corpus = await run({ seed: 11, documents, sources: [MUTATION], count: 150 });
    assert.equal(corpus.inputs, 150);
    assert.deepEqual(corpus.failures.map((failure) => failure.index), [], report(corpus.failures, 'seed 11 over the sample in test/robustness/fuzz.test.ts'));
  });

  it('stops an input that never finishes at its budget, records it, a throw and a crash, and checks every other input', async () => {
    const config: FuzzSources = {
      seed: 3,
      documents: projectDocuments().slice(0, 3),
      sources: ['planted-quick', 'planted-backtracking', 'planted-throw', 'planted-memory'],
      generatorModules: [path.join(__dirname, '..', 'helpers', 'fuzzPlanted.ts')],
    };
    const count = 30;
    const planted = await run({ ...config, count, budget: { baseMs: 2000, perKbMs: 0 }, memoryMb: 64 });
    const indices = (source: string) => Array.from({ length: count }, (_, index) => index).filter((index) => fuzzSource(config, index) === source);
    const failed = (kind: PoolFailure['kind']) => planted.failures.filter((failure) => failure.kind === kind).map((failure) => failure.index);
    assert.ok(indices('planted-backtracking').length > 0 && indices('planted-throw').length > 0 && indices('planted-memory').length > 0, 'the seed plants every kind of failure');
    assert.deepEqual(failed('overrun'), indices('planted-backtracking'));
    assert.deepEqual(failed('exception'), indices('planted-throw'));
    assert.deepEqual(failed('crash'), indices('planted-memory'));
    assert.ok(planted.failures.every((failure) => failure.kind !== 'overrun' || failure.ms >= 2000), 'an overrun is stopped after its budget, not before');
    assert.match(planted.failures.find((failure) => failure.kind === 'exception')!.message, /planted failure/);
    // Every input is accounted for, the quick ones checked in spite of the workers that had to go.
    assert.equal(planted.inputs, count);
    assert.equal(planted.bySource['planted-quick'].inputs, indices('planted-quick').length);
    assert.equal(planted.bySource['planted-quick'].failures, 0);
    assert.equal(planted.workerStarts, 2 + failed('overrun').length + failed('crash').length);
  });
});

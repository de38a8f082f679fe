import * as assert from 'node:assert/strict';
import { corpusTranscriptions, projectDocuments, type SeedDocument } from '../helpers/corpus';
import { MUTATION, SOURCE_NAMES } from '../helpers/fuzz';
import { budgetFromEnvironment, runFuzzPool, type PoolFailure, type PoolOptions, type PoolResult } from '../helpers/fuzzPool';

/**
 * The short, seeded run of `npm run fuzz` (scripts/fuzz.ts runs as long as asked): every source (the
 * mutations of the project's notes and claims, and each grammar-aware generator) on worker threads,
 * each input within its time budget (seconds, hundreds of times what it needs, so a busy machine
 * does not make it fail: only super-linear work does); and mutations of real transcriptions when the
 * shared corpus is there. The same seed always gives the same inputs.
 */

const SEED = 7;

function report(failures: readonly PoolFailure[], repeat: string): string {
  return failures
    .map((failure) => `input ${failure.index} (${failure.source}, ${failure.size} characters, ${failure.ms.toFixed(0)} ms) ${failure.kind}: ${failure.message.split('\n').slice(0, 4).join('\n')}\n  repeat: ${repeat} --from ${failure.index} --count 1`)
    .join('\n');
}

function run(options: Pick<PoolOptions, 'seed' | 'documents' | 'sources' | 'count'>): Promise<PoolResult> {
  // Every failure is reported (no early stop), so that each source's test tells about its own inputs.
  return runFuzzPool({ ...options, workers: 2, budget: budgetFromEnvironment(), maxFailures: Infinity });
}

describe('robustness: fuzzing (short, seeded, a time budget per input)', function () {
  this.timeout(300_000);
  let result: PoolResult;

  before(async () => {
    result = await run({ seed: SEED, documents: projectDocuments(), sources: SOURCE_NAMES, count: 700 });
  });

  for (const source of SOURCE_NAMES) {
    it(`${source}: every input keeps every invariant within its budget`, () => {
      assert.ok((result.bySource[source]?.inputs ?? 0) >= 15, `only ${result.bySource[source]?.inputs ?? 0} ${source} inputs were checked`);
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
});

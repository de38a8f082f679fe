import * as assert from 'node:assert/strict';
import { corpusTranscriptions, projectDocuments, type SeedDocument } from '../helpers/corpus';
import { fuzz, type FuzzResult } from '../helpers/fuzz';

/**
 * The short, seeded budget of `npm run fuzz` (scripts/fuzz.ts runs as long as asked): mutations of the
 * project's own notes and claims always, and of real transcriptions from the shared corpus when the
 * shared folder is there. The same seed always gives the same inputs.
 */

function report(result: FuzzResult): string {
  return result.failures
    .map((failure) => `input ${failure.index} (${failure.document} as ${failure.kind}, ${failure.mutations.join('+')}): ${failure.message.split('\n').slice(0, 6).join('\n')}`)
    .join('\n\n');
}

describe('robustness: mutation fuzzing (short, seeded)', function () {
  this.timeout(60000);

  it('300 mutations of the project notes and claims keep every invariant', () => {
    const result = fuzz({ seed: 7, documents: projectDocuments(), runs: 300 });
    assert.equal(result.tried, 300);
    assert.deepEqual(result.failures.map((failure) => failure.index), [], report(result));
  });

  it('150 mutations of real transcriptions keep every invariant (shared corpus)', function () {
    const transcriptions = corpusTranscriptions();
    if (!transcriptions) {
      console.log('      (skipped: the shared corpus is not on this machine)');
      this.skip();
    }
    // A fixed, small, mixed sample: every 16th transcription, plus the project's claims to splice with.
    const documents: SeedDocument[] = [
      ...transcriptions!.filter((_, i) => i % 16 === 0).map((text, i) => ({ name: `corpus-${i}.opnote`, kind: 'opnote' as const, text })),
      ...projectDocuments().filter((document) => document.kind === 'claim'),
    ];
    const result = fuzz({ seed: 11, documents, runs: 150 });
    assert.equal(result.tried, 150);
    assert.deepEqual(result.failures.map((failure) => failure.index), [], report(result));
  });
});

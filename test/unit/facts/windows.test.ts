import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractFacts } from '../../../server/src/core/facts';
import { MAX_SENTENCE, WINDOW_OVERLAP, windowsOf } from '../../../server/src/core/facts/windows';
import { parseDocument } from '../../../server/src/core/parse';

/**
 * The matching budget (server/src/core/facts/windows.ts): a sentence longer than MAX_SENTENCE is read
 * in overlapping windows. A concept near a cut is found once, whole, at its place in the note.
 */

const HEAD = '# Procedure\nPercutaneous implantation of an integrated PNS electrode array.\n';

/** A note whose one long sentence has `concept` starting `at` characters into the sentence. */
function longSentence(concept: string, at: number): { text: string; start: number } {
  const filler = 'and the field was prepared with care ';
  const before = `The field was prepared ${filler.repeat(Math.ceil(at / filler.length))}`.slice(0, at - 1);
  const text = `${HEAD}${before} ${concept} ${filler.repeat(120)}done.\n`;
  return { text, start: HEAD.length + at };
}

function imagingMentions(text: string) {
  const facts = extractFacts(parseDocument({ uri: 'long.opnote', version: 1, text, kindHint: 'opnote' }));
  return facts.mentions.filter((mention) => mention.field === 'imaging');
}

/** Up to some 25,000 characters of words, spaces and runs of letters longer than a cut may move. */
const sentenceText = fc.array(fc.constantFrom('a', 'word ', ' ', '\n', '.', 'x'.repeat(70)), { minLength: 1, maxLength: 2000, size: 'max' }).map((parts) => parts.join(''));

describe('facts: long sentences are read in overlapping windows', () => {
  it('finds a concept that straddles the first cut of a long sentence, at its place', () => {
    // Fixed slices of 2000 characters cut "fluoroscopy" in two and lost it.
    const { text, start } = longSentence('fluoroscopy', MAX_SENTENCE - 5);
    assert.deepEqual(imagingMentions(text).map((mention) => [mention.value, mention.span]), [['fluoroscopy', { start, end: start + 'fluoroscopy'.length }]]);
  });

  it('counts a concept inside the overlap of two windows once', () => {
    for (const at of [MAX_SENTENCE + 10, MAX_SENTENCE + WINDOW_OVERLAP / 2, MAX_SENTENCE + WINDOW_OVERLAP - 4]) {
      const { text, start } = longSentence('under ultrasound', at);
      assert.deepEqual(imagingMentions(text).map((mention) => mention.span.start), [start + 'under '.length], `at ${at}`);
    }
  });

  it('windows tile the sentence: owned parts in a row, each window bounded, cuts after a space when one is near', () => {
    fc.assert(
      fc.property(sentenceText, fc.nat(50), (body, offset) => {
        const start = Math.min(offset, body.length - 1);
        const windows = windowsOf(body, start, body.length);
        let at = start;
        for (const window of windows) {
          assert.equal(window.start, at);
          assert.ok(window.owned > 0 && window.start + window.owned <= window.end && window.end <= body.length);
          assert.ok(window.end - window.start <= MAX_SENTENCE + WINDOW_OVERLAP + 128);
          // A cut inside a word only where no space was near.
          if (window.start > start) assert.ok(/\s/.test(body[window.start - 1]) || !/\s/.test(body.slice(window.start - 1, window.start + 64)));
          at = window.start + window.owned;
        }
        assert.equal(at, body.length);
        if (body.length - start <= MAX_SENTENCE) assert.equal(windows.length, 1);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});

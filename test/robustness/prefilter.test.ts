import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as lexicon from '../../server/src/core/facts/lexicon';
import { LiteralPrefilter } from '../../server/src/core/prefilter/literalPrefilter';
import { requiredLiterals } from '../../server/src/core/prefilter/regexLiterals';
import { splitSentences } from '../../server/src/core/assertion';
import { corpusTranscriptions, projectDocuments } from '../helpers/corpus';

/**
 * The literal prefilter of the concept patterns (server/src/core/prefilter/) may only skip a
 * sentence where a pattern cannot match: for every lexicon pattern and every text, a match means one
 * of the pattern's required literals is in the text and its prefilter bit is set. Checked on every
 * sentence of the project's notes, on real transcriptions when the shared corpus is here, and on
 * generated text made of the literals themselves.
 */

function lexiconPatterns(): Array<[string, RegExp]> {
  const found: Array<[string, RegExp]> = [];
  const add = (name: string, value: unknown, depth: number) => {
    if (value instanceof RegExp) found.push([name, value]);
    else if (depth > 0 && Array.isArray(value)) value.forEach((item, i) => add(`${name}[${(item as { value?: string })?.value ?? i}]`, item, depth - 1));
    else if (depth > 0 && value && typeof value === 'object') Object.entries(value).forEach(([key, item]) => add(key === 'pattern' ? name : `${name}.${key}`, item, depth - 1));
  };
  for (const [name, value] of Object.entries(lexicon)) add(name, value, 3);
  return found;
}

const PATTERNS = lexiconPatterns();
const prefilter = new LiteralPrefilter(PATTERNS.map(([, pattern]) => pattern));

function unsound(text: string): string[] {
  const bits = prefilter.scan(text, 0, text.length);
  const lower = text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
  const broken: string[] = [];
  for (const [name, pattern] of PATTERNS) {
    pattern.lastIndex = 0;
    const matches = pattern.test(text);
    pattern.lastIndex = 0;
    if (!matches) continue;
    const literals = requiredLiterals(pattern);
    if (literals && !literals.some((literal) => lower.includes(literal))) broken.push(`${name}: no literal of ${JSON.stringify(literals)} in ${JSON.stringify(text.slice(0, 120))}`);
    if (!LiteralPrefilter.has(bits, prefilter.idOf(pattern))) broken.push(`${name}: bit not set for ${JSON.stringify(text.slice(0, 120))}`);
  }
  return broken;
}

describe('robustness: the literal prefilter of the concept patterns is exact', function () {
  this.timeout(60000);

  it('reads the literals a match needs, and gives up on what it cannot read', () => {
    const cases: Array<[RegExp, readonly string[] | null]> = [
      [/\bfail(?:ed|ure\s+of)\b|\bdespite\b/gi, ['fail', 'despite']],
      [/\bmonths?\b/gi, ['month']],
      [/(?:neuro)?stimulat\w*/gi, ['stimulat']],
      [/\bleft(?=\s+nerve)/gi, ['left']],
      [/(?<!skin\s)incision/gi, ['incision']],
      [/\bS[234] foramen/g, ['s2 foramen', 's3 foramen', 's4 foramen']],
      [/\bS[234]\s+foramen/g, ['foramen']],
      [/a{2}b/g, ['aab']],
      [/x{/g, ['x{']],
      [/[A-Z]\d+/g, null],
      [/\w+\s(?:arrays?)?/g, null],
      [/\w+ (?:arrays?)?/g, [' ']],
      [/(a)\1/g, ['a']],
      [/caf\u00e9/gi, ['caf']],
      [/\bpt\b/giu, null],
      [/(?:)/g, null],
    ];
    for (const [pattern, expected] of cases) assert.deepEqual(requiredLiterals(pattern), expected, String(pattern));
    // Every lexicon pattern is understood today; a new one that is not simply always runs.
    assert.deepEqual(PATTERNS.filter(([, pattern]) => requiredLiterals(pattern) === null).map(([name]) => name), []);
  });

  it('never skips a sentence where a pattern matches: project notes and claims', () => {
    const broken = projectDocuments().flatMap((document) => [document.text, document.text.toUpperCase()].flatMap((text) => splitSentences(text).flatMap((span) => unsound(text.slice(span.start, span.end)))));
    assert.deepEqual(broken.slice(0, 5), []);
  });

  it('never skips a sentence where a pattern matches: real transcriptions (shared corpus)', function () {
    const transcriptions = corpusTranscriptions();
    if (!transcriptions) {
      console.log('      (skipped: the shared corpus is not on this machine)');
      this.skip();
    }
    const broken: string[] = [];
    transcriptions!
      .filter((_, i) => i % 8 === 0)
      .forEach((text) => {
        for (const span of splitSentences(text)) broken.push(...unsound(text.slice(span.start, span.end)));
      });
    assert.deepEqual(broken.slice(0, 5), []);
  });

  it('never skips generated text made of the literals, in any case and spacing', () => {
    const literals = [...new Set(PATTERNS.flatMap(([, pattern]) => requiredLiterals(pattern) ?? []))];
    const piece = fc.oneof(
      fc.constantFrom(...literals),
      fc.constantFrom(...literals).map((literal) => literal.toUpperCase()),
      fc.constantFrom(' ', '  ', '\n', '-', ',', '.', ':', '(', ')', 'the ', 'was ', 'of ', 'a ', '2 ', '14 ', '%', 'left ', 'nerve '),
      fc.string({ unit: 'binary-ascii', maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const broken = unsound(pieces.join(''));
        assert.deepEqual(broken, []);
      }),
      { numRuns: 3000, seed: 596 },
    );
  });
});

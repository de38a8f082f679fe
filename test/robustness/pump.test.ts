import * as assert from 'node:assert/strict';
import { CORE, corePatterns, describeAttack, scanSources, superLinear } from '../helpers/pump';

// The integration suite runs with V8's regexp tier-up off (`node-option` in .mocharc.integration.cjs):
// with it on, late in the suite (after the other robustness files) three large patterns timed
// quadratic on a run of spaces, while alone, compiled or interpreted (--regexp-interpret-all) they are
// linear. Setting the flag from here, after patterns had run, crashed the process now and then.

/**
 * No regular expression of the core takes super-linear time (issue 10: a concept pattern was
 * exponential on a 616-byte dictated sentence, the header and heading patterns quadratic in a run of
 * spaces). Every pattern is found by reading the sources, not from a list, so a new one is covered
 * without touching this test; each is pumped from its own structure (test/helpers/pump.ts) and fails
 * when its time grows faster than the text.
 */
describe('robustness: every pattern of the core matches in linear time (pump test)', function () {
  this.timeout(180000);

  it('finds every pattern: the literals of each core file, and every pattern built from a string', () => {
    const { constructions } = scanSources(CORE);
    // A RegExp made anywhere else would be invisible here: patterns.ts records what it builds.
    assert.deepEqual(constructions.filter((where) => !where.startsWith('server/src/core/text/patterns.ts:')), []);
    const patterns = corePatterns();
    const sources = patterns.map(({ pattern }) => pattern.source);
    for (const part of ['removal|explant', '(?:superficial|superfiscial|sperficial|', '^[A-Za-z][A-Za-z0-9 _()/.#&-]{0,39}$', '[\\n:.!?]']) {
      assert.ok(sources.some((source) => source.includes(part)), `no pattern holds ${part}`);
    }
  });

  it('tells a quadratic pattern from a linear one (control)', () => {
    const found = superLinear(/\s*[(.;].*$/);
    assert.ok(found, 'the control pattern was not caught');
    assert.equal(superLinear(/\b(?:removal|explant(?:ation)?) of (?:\w+\s+){0,10}?leads?/gi), undefined);
  });

  it('no pattern grows faster than linearly when pumped', () => {
    const slow = corePatterns().flatMap(({ where, pattern }) => {
      const found = superLinear(pattern);
      return found ? [`${where} /${pattern.source.slice(0, 120)}/${pattern.flags}: ${describeAttack(found)}`] : [];
    });
    assert.deepEqual(slow, []);
  });
});

import * as assert from 'node:assert/strict';
import { inMemoryFileSystem } from '../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../server/src/core/service/languageService';
import { PATHOLOGICAL_INPUTS, RUN_ON_REMOVAL } from '../helpers/pathological';
import { guarded, leastMs } from '../helpers/timing';

/**
 * Notes that froze the checker (issue 10) are checked at once, and long ones cost time in proportion
 * to their length. Times are compared with each other (the least of three runs), never with a
 * wall-clock figure; each run is stopped after a budget a thousand times what it needs.
 */

const service = () => createLanguageService({ fileSystem: inMemoryFileSystem({}), docsBaseUri: 'file:///docs/' });
const analyze = (text: string) => service().analyze({ uri: '/w/note.opnote', version: 1, text });
const KB = 1024;

describe('robustness: pathological notes are checked in linear time', function () {
  this.timeout(180000);

  it('a 616-character run-on dictated sentence ("Removal of the sterile drapes ... all of the instruments") is checked at once', () => {
    assert.equal(RUN_ON_REMOVAL.length, 616);
    // 77.7 s in the CLI before; a few milliseconds now.
    const analysis = guarded(() => analyze(`# Procedure\nPercutaneous implantation of an integrated PNS electrode array.\n${RUN_ON_REMOVAL}.\n`), 10000);
    assert.equal(analysis.facts?.procedure?.value, 'insertion');
  });

  for (const input of PATHOLOGICAL_INPUTS) {
    it(`${input.name}: four times the text takes at most ten times as long (256 KB -> 1 MB)`, () => {
      const small = leastMs(() => analyze(input.text(256 * KB)), 3, 20000);
      const large = leastMs(() => analyze(input.text(1024 * KB)), 3, 20000);
      // Linear is 4x; quadratic would be 16x. The slack keeps runs of a few milliseconds out of the ratio.
      assert.ok(large <= 10 * small + 25, `${small.toFixed(1)} ms at 256 KB, ${large.toFixed(1)} ms at 1 MB`);
    });
  }
});

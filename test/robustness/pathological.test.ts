import * as assert from 'node:assert/strict';
import { inMemoryFileSystem } from '../../server/src/core/service/fileSystem';
import { createLanguageService } from '../../server/src/core/service/languageService';
import { RUN_ON_REMOVAL } from '../helpers/pathological';
import { guarded } from '../helpers/timing';

/**
 * Notes that froze the checker (issue 10) are checked at once, and long ones cost time in proportion
 * to their length. Times are compared with each other (the least of three runs), never with a
 * wall-clock figure; each run is stopped after a budget a thousand times what it needs.
 */

const service = () => createLanguageService({ fileSystem: inMemoryFileSystem({}), docsBaseUri: 'file:///docs/' });
const analyze = (text: string) => service().analyze({ uri: '/w/note.opnote', version: 1, text });

describe('robustness: pathological notes are checked in linear time', function () {
  this.timeout(180000);

  it('a 616-character run-on dictated sentence ("Removal of the sterile drapes ... all of the instruments") is checked at once', () => {
    assert.equal(RUN_ON_REMOVAL.length, 616);
    // 77.7 s in the CLI before; a few milliseconds now.
    const analysis = guarded(() => analyze(`# Procedure\nPercutaneous implantation of an integrated PNS electrode array.\n${RUN_ON_REMOVAL}.\n`), 10000);
    assert.equal(analysis.facts?.procedure?.value, 'insertion');
  });
});

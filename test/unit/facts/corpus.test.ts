import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sharedPath } from '../../../scripts/sharedData';
import { extractFacts } from '../../../server/src/core/facts';
import { parseDocument } from '../../../server/src/core/parse';

/**
 * The public MTSamples transcriptions (read from the shared folder, never copied here): 40 unrelated
 * operative notes and 49 near misses (sacral InterStim, deep brain stimulators, pumps, nerve blocks,
 * cardiac leads). None is a 64596 case, so none may yield 64596 or its companions.
 */
describe('facts on real transcriptions (MTSamples, from the shared folder)', () => {
  for (const folder of ['mtsamples', 'mtsamples-other']) {
    it(`${folder}: no exception and no 64596/64597/64598`, function () {
      const dir = sharedPath('corpus', folder);
      if (!dir) return this.skip();
      const files = fs.readdirSync(dir).filter((name) => name.endsWith('.txt'));
      assert.ok(files.length >= 40);
      for (const name of files) {
        const model = parseDocument({ uri: name, version: 1, text: fs.readFileSync(path.join(dir, name), 'utf8'), kindHint: 'opnote' });
        const codes = extractFacts(model).codes.map((code) => code.code);
        assert.deepEqual(codes.filter((code) => /^6459[678]$/.test(code)), [], `${name} yields ${codes.join(', ')}`);
      }
    });
  }
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractFacts, factsReport } from '../../../server/src/core/facts';
import { parseDocument } from '../../../server/src/core/parse';
import { FIXTURES } from '../../helpers/fixtures';

const DIR = path.join(FIXTURES, 'facts');

/**
 * Each fixture note has a `.expected.json` with the facts a coder would read from it; every field is
 * compared, and every non-null fact must point at the text that supports it.
 */
describe('facts of operative notes (fixtures with expected facts)', () => {
  const notes = fs.readdirSync(DIR).filter((name) => name.endsWith('.opnote'));

  for (const name of notes) {
    it(name, () => {
      const text = fs.readFileSync(path.join(DIR, name), 'utf8');
      const model = parseDocument({ uri: name, version: 1, text });
      const report = factsReport(extractFacts(model), model.lines);
      const expected = JSON.parse(fs.readFileSync(path.join(DIR, name.replace(/\.opnote$/, '.expected.json')), 'utf8'));
      assert.deepEqual(report.facts, expected);
      for (const [field, value] of Object.entries(report.facts)) {
        const meaningful = value !== null && value !== 'absent' && !(Array.isArray(value) && value.length === 0);
        if (meaningful) assert.ok(report.evidence[field]?.length, `${field} has evidence`);
      }
    });
  }
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { actualFindings, checkFixtureSnapshot, expectedFindings, FIXTURES, fixtureFiles, fixtureService, orphanSnapshots } from '../helpers/fixtures';

describe('rule fixtures (expected findings marked inline, messages, columns and fixed text in snapshots)', () => {
  const service = fixtureService();
  for (const file of fixtureFiles(path.join(FIXTURES, 'rules'))) {
    it(path.basename(file), () => {
      const text = fs.readFileSync(file, 'utf8');
      assert.deepEqual(actualFindings(service, file, text), expectedFindings(text));
      checkFixtureSnapshot(service, file, text);
    });
  }

  it('every snapshot belongs to a fixture', () => {
    assert.deepEqual(orphanSnapshots(FIXTURES), []);
  });
});

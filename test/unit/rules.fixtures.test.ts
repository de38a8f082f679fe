import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { actualFindings, expectedFindings, FIXTURES, fixtureFiles, fixtureService } from '../helpers/fixtures';
import * as fs from 'node:fs';

describe('rule fixtures (expected findings marked inline)', () => {
  const service = fixtureService();
  for (const file of fixtureFiles(path.join(FIXTURES, 'rules'))) {
    it(path.basename(file), () => {
      const text = fs.readFileSync(file, 'utf8');
      assert.deepEqual(actualFindings(service, file, text), expectedFindings(text));
    });
  }
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../server/src/core/rules/index.generated';
import { FIXTURES, fixtureService } from '../../helpers/fixtures';

const DIR = path.join(FIXTURES, 'claims-heldout');
const CLAIM_RULES = new Set(RULES.filter((rule) => rule.meta.appliesTo.includes('claim')).map((rule) => rule.meta.id));

/**
 * Thirty claim drafts and their notes written by a coder who never saw the implementation, each with
 * the claim rules that must fire (all of them) and near-miss rules that must stay quiet.
 */
describe('claim rules on an independently written set of claims and notes', () => {
  const service = fixtureService();
  for (const name of fs.readdirSync(DIR).filter((file) => file.endsWith('.claim'))) {
    it(name, () => {
      const expected = JSON.parse(fs.readFileSync(path.join(DIR, name.replace(/\.claim$/, '.expected.json')), 'utf8')) as { fires: string[]; quiet: string[] };
      const file = path.join(DIR, name);
      const fired = [...new Set(service.analyze({ uri: file, version: 1, text: fs.readFileSync(file, 'utf8') }).findings.map((finding) => finding.rule.id))].filter((id) => CLAIM_RULES.has(id)).sort();
      assert.deepEqual(fired, [...expected.fires].sort());
      assert.deepEqual(expected.quiet.filter((id) => fired.includes(id)), []);
    });
  }
});

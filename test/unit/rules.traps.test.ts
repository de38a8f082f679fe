import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FactsReport } from '../../server/src/core/facts';
import { FIXTURES, fixtureService } from '../helpers/fixtures';

/** The facts of a fixture's `.expected.json`, in the shape of `opnote facts`. */
type ExpectedFacts = FactsReport['facts'];

const NOTE_RULES = [
  'wrong-approach', 'wrong-target', 'not-integrated', 'revision-or-removal', 'trial-not-implant', 'imaging-negated', 'imaging-undocumented',
  'laterality-missing', 'nerve-missing', 'array-count-missing', 'additional-arrays', 'testing-undocumented', 'increased-services-unquantified',
];
const OTHER_TARGETS = new Set(['spinal-cord', 'dorsal-root-ganglion', 'sacral-nerve', 'cranial-nerve', 'brain']);

/** The operative-note rules a coder expects on a note with these facts (the rule table of the knowledge issue). */
function expectedRules(facts: ExpectedFacts): string[] {
  const neurostimulation = facts.procedure !== null || facts.target !== null;
  if (!neurostimulation) return [];
  const implant = (facts.target === null || facts.target === 'peripheral-nerve') && (facts.procedure === null || facts.procedure === 'insertion' || facts.procedure === 'replacement');
  const rules: Array<string | false> = [
    facts.approach === 'open' && 'wrong-approach',
    facts.target !== null && OTHER_TARGETS.has(facts.target) && 'wrong-target',
    facts.integrated === false && 'not-integrated',
    (facts.procedure === 'revision' || facts.procedure === 'removal') && 'revision-or-removal',
    facts.procedure === 'trial' && 'trial-not-implant',
    implant && facts.imaging === 'negated' && 'imaging-negated',
    implant && facts.imaging === 'absent' && 'imaging-undocumented',
    implant && facts.laterality === null && 'laterality-missing',
    implant && facts.nerve === null && 'nerve-missing',
    implant && facts.procedure !== null && facts.arrays === null && 'array-count-missing',
    implant && facts.arrays !== null && facts.arrays > 1 && 'additional-arrays',
    implant && facts.testing !== 'documented' && 'testing-undocumented',
    facts.increasedServices === 'unquantified' && 'increased-services-unquantified',
  ];
  return rules.filter((rule): rule is string => typeof rule === 'string').sort();
}

/**
 * The traps of the facts fixtures (negated and historical imaging, trials, open approach, separate
 * generators, other targets, unrelated surgery): the right note rules fire and the others stay quiet.
 */
for (const folder of ['facts', 'facts-heldout']) {
  const dir = path.join(FIXTURES, folder);
  if (!fs.existsSync(dir)) continue;
  describe(`operative-note rules on the ${folder} fixtures`, () => {
    const service = fixtureService();
    for (const name of fs.readdirSync(dir).filter((file) => file.endsWith('.opnote'))) {
      it(name, () => {
        const expected = JSON.parse(fs.readFileSync(path.join(dir, name.replace(/\.opnote$/, '.expected.json')), 'utf8')) as ExpectedFacts;
        const file = path.join(dir, name);
        const fired = service.analyze({ uri: file, version: 1, text: fs.readFileSync(file, 'utf8') }).findings.map((finding) => finding.rule.id).filter((id) => NOTE_RULES.includes(id));
        assert.deepEqual([...new Set(fired)].sort(), expectedRules(expected));
      });
    }
  });
}

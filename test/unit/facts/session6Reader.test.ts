import * as assert from 'node:assert/strict';
import { extractFacts } from '../../../server/src/core/facts';
import { parseDocument } from '../../../server/src/core/parse';

/** Forms of real notes read in session 6: numbers in words, full dates of onset, misspelt responses. */
describe('facts written in words, dates and misspellings', () => {
  const factsOf = (text: string) => extractFacts(parseDocument({ uri: 'note.opnote', version: 1, text }));
  const IMPLANT = 'Procedure: integrated PNS, right sural nerve, ultrasound. One array deployed.\n';

  it('reads extra time written in words as quantified increased services', () => {
    const facts = factsOf(`${IMPLANT}MODIFIER 22 JUSTIFICATION: The procedure took seventy-five minutes against our typical thirty-five minutes, because of dense scar.\n`);
    assert.equal(facts.increasedServices.status, 'quantified');
    assert.equal(factsOf(`${IMPLANT}MODIFIER 22 JUSTIFICATION: dense scar made it long.\n`).increasedServices.status, 'unquantified');
  });

  it('dates the pain from a full date after "since", not from how long a block helped', () => {
    const facts = factsOf(`date: 2026-05-28\n\n${IMPLANT}Burning foot pain since her fall on 02/27/2025; a sural block helped for a day.\n`);
    assert.equal(facts.necessity.painDuration?.months, 15);
  });

  it('reads a misspelt paresthesia and a current in words as stimulation testing', () => {
    assert.equal(factsOf(`${IMPLANT}On stimulation she had parasthesia down to the fifth toe.\n`).testing.status, 'documented');
    assert.equal(factsOf(`${IMPLANT}Stimulated at one milliamp with a response over the lateral foot.\n`).testing.status, 'documented');
  });

  it('reads pain scores in words as the trial outcome', () => {
    const facts = factsOf(`${IMPLANT}The trial stimulator took her from ten to four on the pain scale over eight days.\n`);
    assert.equal(facts.necessity.trialOutcome?.percentRelief, 60);
    assert.equal(factsOf(`${IMPLANT}The trial went from ten to four visits.\n`).necessity.trialOutcome, null);
  });

  it('reads a wrapped line that ends in a label on into its value ("... relief. Trial 03/2026:" / "70% relief")', () => {
    const facts = factsOf(`${IMPLANT}INDICATION: 22 months of ankle pain after a release, failed PT and gabapentin. Tibial block 90% relief. Trial 03/2026:\n70% relief, able to walk 2 miles.\n`);
    assert.equal(facts.necessity.trialOutcome?.percentRelief, 70);
    assert.equal(factsOf(`${IMPLANT}Trial result:\n70% relief.\n`).necessity.trialOutcome?.percentRelief, 70);
  });
});

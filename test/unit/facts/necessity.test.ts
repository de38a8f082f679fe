import * as assert from 'node:assert/strict';
import { extractFacts } from '../../../server/src/core/facts';
import { parseDocument } from '../../../server/src/core/parse';

/** The medical-necessity facts carry numbers, so rules compare them instead of re-reading text. */
describe('typed medical-necessity facts', () => {
  const necessityOf = (indications: string, header = '') => {
    const text = `${header}INDICATIONS: ${indications}\n\nPROCEDURE: Percutaneous implantation of an integrated peripheral nerve stimulator, left superficial peroneal nerve, under ultrasound guidance. One array was deployed.\n`;
    return extractFacts(parseDocument({ uri: 'note.opnote', version: 1, text })).necessity;
  };

  it('reads the pain duration in months, ignoring treatment, trial and follow-up durations', () => {
    assert.equal(necessityOf('Foot pain x 19 mo. Failed PT x 8 wks and gabapentin.').painDuration?.months, 19);
    assert.equal(necessityOf('Pain for two and a half years despite twelve weeks of physical therapy.').painDuration?.months, 30);
    assert.equal(necessityOf('Pain since 2023, failed gabapentin.', 'Date of service: 2026-03-14\n').painDuration?.months, 33);
    assert.equal(necessityOf('A 53-year-old man with pain after surgery; PT x 6 wks.').painDuration, null);
  });

  it('reads the pain duration past hedges, parentheses and what follows the pain', () => {
    assert.equal(necessityOf('Knee pain for approximately 2.5 years following her TKA. Failed PT.').painDuration?.months, 30);
    assert.equal(necessityOf('Groin pain 22 months post-op; failed meds.').painDuration?.months, 22);
    assert.equal(necessityOf('Phantom pain x 3 years despite mirror therapy. Trial 03/2026 (14 days): 62% relief.').painDuration?.months, 36);
    assert.equal(necessityOf('Groin pain since a hernia repair 4 years ago.').painDuration?.months, 48);
    assert.equal(necessityOf('Buttock pain for three and one half years.').painDuration?.months, 42);
    assert.equal(necessityOf('R shoulder pain (post-RCR 2024; re-tear; not a revision candidate) x 26 mo; failed PT.').painDuration?.months, 26);
  });

  it('reads the trial outcome as percent relief, from pain scores, and as analgesic reduction', () => {
    assert.equal(necessityOf('A 7-day trial gave 70% relief.').trialOutcome?.percentRelief, 70);
    assert.equal(necessityOf('A 7-day trial gave 70% relief.').trialOutcome?.days, 7);
    assert.equal(necessityOf('SEVEN-DAY PNS TRIAL: SEVENTY PERCENT RELIEF.').trialOutcome?.percentRelief, 70);
    assert.equal(necessityOf('During the trial pain went from 8/10 to 2/10.').trialOutcome?.percentRelief, 75);
    const analgesic = necessityOf('The trial gave a 60% reduction in opioid use.').trialOutcome;
    assert.equal(analgesic?.percentRelief, null);
    assert.equal(analgesic?.analgesicReductionPercent, 60);
  });

  it('reads the trial outcome however the note words it', () => {
    const relief = (indications: string) => necessityOf(indications).trialOutcome?.percentRelief;
    assert.equal(relief('Trial relief 60%.'), 60);
    assert.equal(relief('She had a trial with excellent relief (~70%).'), 70);
    assert.equal(relief('Successful PNS trial (70%).'), 70);
    assert.equal(relief('Trial: NRS 7 -> 2.'), 71);
    assert.equal(relief('Trial reduced pain by 60%.'), 60);
    assert.equal(relief('Trial: no adverse events, 70% relief.'), 70);
    assert.equal(relief('She was able to return to work during the trial and had 70% relief.'), 70);
    assert.equal(relief('Failed gabapentin and two nerve blocks; the 7-day trial gave 70% relief.'), 70);
    assert.equal(necessityOf('Trial outcome: NRS 8 to 2, 60% less oxycodone.').trialOutcome?.analgesicReductionPercent, 60);
  });

  it('does not take a trial length told as a field value for the pain duration', () => {
    assert.equal(necessityOf('Trial: 7 days, 70% relief.').painDuration, null);
  });

  it('counts a diagnostic block with its result as objective pathology, not a block only listed as failed care', () => {
    assert.notEqual(necessityOf('Failed PT and GON blocks x4 (80% x 1 wk).').objectivePathology, null);
    assert.notEqual(necessityOf('Dx SSN block 80%.').objectivePathology, null);
    assert.notEqual(necessityOf('Radiographs show advanced osteoarthritis.').objectivePathology, null);
    assert.equal(necessityOf('Failed PT, gabapentin, duloxetine, saphenous blocks; trial 03/2026 with 65% relief.').objectivePathology, null);
    assert.equal(necessityOf('Failed PT, meds and blocks and a 70% relief trial.').objectivePathology, null);
  });

  it('knows when an outcome or a duration is told in words it cannot turn into a number', () => {
    const unread = necessityOf('Pain since childhood. The trial went well and her pain was much better.');
    assert.equal(unread.trialOutcome, null);
    assert.equal(unread.trialOutcomeUnread, true);
    assert.equal(unread.painDuration, null);
    assert.equal(unread.painDurationUnread, true);
    const missing = necessityOf('He did the trial last month and he wants to proceed.');
    assert.equal(missing.trialOutcomeUnread, false);
    assert.equal(missing.painDurationUnread, false);
  });

  it('does not take the relief of a diagnostic block for the trial outcome', () => {
    assert.equal(necessityOf('Diagnostic nerve block gave 80% relief for 5 hours.').trialOutcome, null);
  });

  it('lists the treatments that failed, also when told as "has not responded to"', () => {
    assert.deepEqual(necessityOf('Pain has not responded to gabapentin.').conservativeCare?.treatments, ['gabapentin']);
    assert.deepEqual(necessityOf('Failed PT x 8 wks and NSAIDs.').conservativeCare?.treatments, ['pt', 'nsaids']);
  });

  it('reads the pain duration across a line wrap and before "following", not the trial\'s days nor a template line\'s neighbour (issue 12)', () => {
    const wrapped = necessityOf('She has had left groin pain for\n26 months following an open hernia repair. Gabapentin failed. Her 7-day\npercutaneous trial in April gave 70% relief.');
    assert.equal(wrapped.painDuration?.months, 26);
    const template = necessityOf('see below.\n  Pain duration (months/years): 6 years\n  Conservative therapy failed?  Yes [x]  No [ ]    Details: PT, NSAIDs\n');
    assert.equal(template.painDuration?.months, 72);
  });
});

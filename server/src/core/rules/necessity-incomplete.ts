import { anchorFor, isPeripheralImplant } from '../ruleSupport/noteAnchors';
import type { Rule } from '../linting/types';
import type { PayerCriterion } from '../knowledge/schema';
import { headerField } from '../parse/model';
import type { TrialOutcome } from '../facts/types';

/** Medicare accepts either half the pain or half the analgesic use. */
function trialMeets(trial: TrialOutcome, minimum: number): boolean {
  return (trial.percentRelief ?? -1) >= minimum || (trial.analgesicReductionPercent ?? -1) >= minimum;
}

function describeTrial(trial: TrialOutcome): string {
  const parts = [trial.percentRelief !== null && `${trial.percentRelief}% relief`, trial.analgesicReductionPercent !== undefined && `${trial.analgesicReductionPercent}% less analgesic use`];
  return parts.filter(Boolean).join(' and ');
}

function threshold(criteria: readonly PayerCriterion[], id: string, fallback: number): number {
  return criteria.find((criterion) => criterion.id === id)?.threshold?.minimum ?? fallback;
}

export const rule: Rule = {
  meta: {
    id: 'necessity-incomplete',
    description: 'Indications lack pain duration, failed conservative care or the trial outcome.',
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['64596', 'note', 'medical-necessity'],
    appliesTo: ['opnote'],
    docs: {
      what: 'The indications of a peripheral nerve stimulator implant do not document one of the medical-necessity elements payers ask for: pain duration of at least 3 months, failed conservative care (medications, physical therapy, psychological therapy, less-invasive treatments), and for a first implant the trial outcome: at least 50% pain relief or at least 50% less analgesic use (Medicare\'s stimulator pages accept either). A duration or relief below those thresholds is reported too. A replacement is left alone: it rests on the necessity of the first implant and on the failure of the device it replaces. When the note tells the trial\'s outcome or the pain\'s duration in words OpNote cannot turn into a number ("the trial went well, pain much better", "long-standing pain"), the missing number is not reported: the gap is not sure. A value below a threshold makes the finding a warning; an element OpNote only did not find (it may be told in words it does not read, or in the clinic notes) makes it information: check the record.',
      why: 'Medicare (LCD L34328 and the MAC articles), BCBS plans (MP-623, II-149) and others cover implantable PNS only when these elements are in the record; a claim without them is denied on review. Thresholds come from the payer named in the header when OpNote has its criteria, else from the criteria most payers share (unverified as a set).',
      fix: 'In the indications, give the pain duration, the treatments that failed, and the trial: its dates, duration and the percentage of relief.',
      sources: ['cms.gov MCD lcdid=34328 (LCD L34328)', 'fl-policies.exploremyplan.com mp-623 (BCBS AL/FL MP-623)', 'securecms.bluecrossmnonline.com II-149 (≥ 50% trial relief)', 'NGS and Noridian spinal-stimulator prior-authorization pages (≥ 50% pain or ≥ 50% analgesic reduction)', '64596 fact sheet fact 5'],
      bad: 'INDICATIONS: Chronic foot pain.',
      good: 'INDICATIONS: Foot pain for 14 months despite gabapentin and physical therapy; a 7-day trial gave 70% relief.',
    },
  },
  check({ model, facts, findPayer, knowledge }, report) {
    // A replacement rests on the first implant's necessity and on the failure that ended it, which this rule does not read.
    if (!isPeripheralImplant(facts) || facts.procedure?.value !== 'insertion') return;
    const payerName = headerField(model, 'payer')?.value;
    const payer = payerName ? findPayer(payerName) : undefined;
    const criteria = payer?.criteria.length ? [...payer.criteria, ...knowledge.commonCriteria] : knowledge.commonCriteria;
    const minMonths = threshold(criteria, 'chronic-pain-duration', 3);
    const minRelief = threshold(criteria, 'successful-trial', 50);
    const { painDuration, conservativeCare, trialOutcome } = facts.necessity;
    // Each gap in a few words for the message; what would fill it, in full, for the hover.
    const gaps: Array<{ readonly short: string; readonly full: string; readonly sure?: boolean }> = [];
    if (!painDuration) {
      if (!facts.necessity.painDurationUnread) gaps.push({ short: `the pain duration (≥ ${minMonths} months)`, full: `The pain must have lasted at least ${minMonths} months.` });
    } else if (painDuration.months !== null && painDuration.months < minMonths) {
      gaps.push({ short: `pain of ≥ ${minMonths} months (the note: ${painDuration.months})`, full: `The note gives ${painDuration.months} months of pain; at least ${minMonths} are asked for.`, sure: true });
    }
    if (!conservativeCare) gaps.push({ short: 'the failed conservative care', full: 'Name the conservative care that failed: medications, physical therapy, psychological therapy, less-invasive treatments.' });
    const wanted = `at least ${minRelief}% pain relief or ${minRelief}% less analgesic use, with the trial's duration`;
    // An outcome told in words OpNote cannot read is not a sure gap: the rule stays quiet on it.
    if (!trialOutcome) {
      if (!facts.necessity.trialOutcomeUnread) gaps.push({ short: `the trial outcome (≥ ${minRelief}% relief)`, full: `The trial must show ${wanted}.` });
    } else if (!trialMeets(trialOutcome, minRelief)) gaps.push({ short: `a trial of ≥ ${minRelief}% relief (the note: ${describeTrial(trialOutcome)})`, full: `The trial must show ${wanted}.`, sure: true });
    if (gaps.length === 0) return;
    const whose = payer?.criteria.length ? `${payer.name} criteria` : 'criteria most payers share (unverified as a set: check the payer policy)';
    report({
      span: anchorFor(model, ['indications', 'diagnosis', 'preop-dx', 'procedure']),
      message: `${gaps.some((gap) => gap.sure) ? 'Medical necessity is incomplete' : 'OpNote finds medical necessity incomplete'}: document ${gaps.map((gap) => gap.short).join(', ')}.`,
      detail: `${gaps.map((gap) => gap.full).join(' ')} Source: ${whose}.`,
      // A value below a threshold is the note's own; an element not found may be told in words OpNote does not read, or in another record.
      unsure: !gaps.some((gap) => gap.sure),
    });
  },
};

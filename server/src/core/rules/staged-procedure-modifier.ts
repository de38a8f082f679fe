import { headerField } from '../parse/model';
import { codeEntry } from '../ruleSupport/claim';
import { daysBetween, globalDaysAfter } from '../ruleSupport/facility';
import { modifierFix } from '../ruleSupport/modifiers';
import type { Rule } from '../linting/types';

/** The permanent implant's primary line, whose date is compared with the trial's global period. */
const IMPLANT_CODES = new Set(['64596']);

export const rule: Rule = {
  meta: {
    id: 'staged-procedure-modifier',
    description: 'A permanent implant (64596) inside the global period of the trial placement (`trial-date:`) by the same physician, without modifier 58.',
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['claim', 'modifier', 'global-period', 'staged'],
    appliesTo: ['claim'],
    docs: {
      what: 'A professional claim gives the date of the stimulation trial placement in its `trial-date:` header (or bills the trial code on a line with its own `dos:`), and a 64596 line falls inside the trial code\'s global period (64555: 10 days after the trial, from the knowledge pack) without modifier 58. The header means the trial was placed by the same physician; leave it out for a trial by someone else.',
      why: 'A permanent implant inside the global period of the trial placement, by the same physician, is a staged procedure: it takes modifier 58, or the payer bundles it into the trial\'s global package and denies it (AAPC Part B Coding Alert, "Neurostimulator Trial, but No Error"). The trial code\'s global days come from the pack (64555: 010). The global period of 64596 itself is data not available, so OpNote does not judge services inside it.',
      fix: 'Add 58 to the implant line (quick fix). If the trial was placed by another physician, remove `trial-date:`.',
      sources: ['AAPC Part B Coding Alert "Neurostimulator Trial, but No Error" (64596 fact sheet §8)', 'healthtoinsurance.com/peripheral-nerve-stem-coding (64555 global 10 days)', '64596 fact sheet §2 (64596 global period unverified)'],
      bad: 'payer: Medicare\ndos: 2026-03-20\ntrial-date: 2026-03-12\n\ndx: G89.29\n64596-LT x1 ptr:A',
      good: 'payer: Medicare\ndos: 2026-03-20\ntrial-date: 2026-03-12\n\ndx: G89.29\n64596-58-LT x1 ptr:A',
    },
  },
  check({ model, knowledge, claim }, report) {
    if (!claim || claim.claimType !== 'professional') return;
    const { trialCodes, modifier } = knowledge.billing.staged;
    const globalOf = (code: string) => {
      const period = codeEntry(knowledge, code)?.globalDays;
      return period ? globalDaysAfter(period.value) : undefined;
    };
    // The trials: the header's date (of the pack's first trial code with a global period), and trial
    // lines on the claim by their own written date (the session date would be the note's, the implant's).
    const trial = (code: string, date: string | undefined) => {
      const days = globalOf(code);
      return days !== undefined && date ? [{ code, date, days }] : [];
    };
    const headerDate = headerField(model, 'trial-date')?.isoDate;
    const headerTrial = trialCodes.map((code) => trial(code, headerDate)).find((found) => found.length > 0) ?? [];
    const trials = [...headerTrial, ...claim.lines.flatMap((line) => (trialCodes.includes(line.code.value) ? trial(line.code.value, line.dos?.value) : []))];
    if (trials.length === 0) return;
    for (const line of claim.lines) {
      if (!IMPLANT_CODES.has(line.code.value) || line.modifiers.some((candidate) => candidate.value === modifier)) continue;
      const date = claim.sessionDates.get(line);
      if (!date) continue;
      const inGlobal = trials.find((candidate) => {
        const after = daysBetween(candidate.date, date);
        return after >= 1 && after <= candidate.days;
      });
      if (!inGlobal) continue;
      const after = daysBetween(inGlobal.date, date);
      const fix = modifierFix(knowledge, claim, line, (change) => change.kind === 'add' && change.modifier === modifier, { add: modifier });
      report({
        span: line.code.span,
        message: `${line.code.value} is ${after} day${after === 1 ? '' : 's'} after the trial (${inGlobal.date}), inside the ${inGlobal.days}-day global period of ${inGlobal.code}: the same physician's implant takes modifier ${modifier}.`,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};

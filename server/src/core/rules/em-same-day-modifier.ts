import { codeEntry, isAddOn, isProcedureLine } from '../ruleSupport/claim';
import { firstInSession } from '../ruleSupport/sessions';
import { modifierFix } from '../ruleSupport/modifiers';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'em-same-day-modifier',
    description: 'An E/M service billed the same day as 64596 without modifier 25, or with 57 (57 is for the decision for a major, 90-day-global procedure).',
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['claim', 'modifier', 'evaluation-and-management'],
    appliesTo: ['claim'],
    docs: {
      what: 'A professional claim bills an evaluation and management code (99202-99499) in the same session as a peripheral-nerve stimulation procedure (64596, 64555 ...; an add-on alone does not count), and the E/M line has no 25, or has 57.',
      why: 'An E/M on the day of a procedure by the same physician is part of the procedure unless it is significant and separately identifiable: then it takes 25 for a minor procedure (0- or 10-day global), and 57 only when it is the decision for a major (90-day global) procedure (IOM 100-04 ch.12 §30.6.6). The global period of 64596 is data not available, so whether 25 or 57 fits is to check; 25 fits the 10-day PNS codes (64555, 64590). Without a modifier the E/M line is likely denied as included.',
      fix: 'If the visit was significant and separately identifiable, add 25 (quick fix) and document it in its own note; otherwise remove the E/M line. Keep 57 only if the procedure has a 90-day global period.',
      sources: ['IOM 100-04 ch.12 §30.6.6 (via AAPC; 64596 fact sheet §8)', '64596 fact sheet §2 (64596 global period unverified; 64555/64590 global 010)'],
      bad: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G89.29\n99214 x1 ptr:A\n64596-LT x1 ptr:A',
      good: 'payer: Medicare\ndos: 2026-03-14\n\ndx: G89.29\n99214-25 x1 ptr:A\n64596-LT x1 ptr:A',
    },
  },
  check({ knowledge, claim }, report) {
    if (!claim || claim.claimType !== 'professional') return;
    const { emCodes, minorModifier, majorModifier, majorGlobal } = knowledge.billing.sameDayEm;
    const isEm = (code: string) => /^\d{5}$/.test(code) && code >= emCodes.value.from && code <= emCodes.value.to;
    const procedureInSession = firstInSession(claim.sessionDates, claim.lines.filter((line) => isProcedureLine(knowledge, line) && !isAddOn(knowledge, line.code.value)));
    for (const line of claim.lines) {
      if (!isEm(line.code.value) || line.modifiers.some((modifier) => modifier.value === minorModifier)) continue;
      const procedure = procedureInSession(line);
      if (!procedure) continue;
      const major = line.modifiers.find((modifier) => modifier.value === majorModifier);
      if (major) {
        const fix = modifierFix(knowledge, claim, line, (change) => change.kind === 'replace', { replace: { from: majorModifier, to: minorModifier } }, false);
        const period = codeEntry(knowledge, procedure.code.value)?.globalDays?.value;
        report({
          span: major.span,
          message: `${majorModifier} is for the decision for a major (${Number(majorGlobal)}-day global) procedure; ${procedure.code.value}'s global period is ${period ?? 'data not available'}: check whether ${minorModifier} fits.`,
          ...(fix ? { fixes: [fix] } : {}),
        });
        continue;
      }
      const fix = modifierFix(knowledge, claim, line, (change) => change.kind === 'add' && change.modifier === minorModifier, { add: minorModifier });
      report({
        span: line.code.span,
        message: `E/M ${line.code.value} is billed the same day as ${procedure.code.value}: a significant, separately identifiable visit takes modifier ${minorModifier}, or it is likely denied as included.`,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};

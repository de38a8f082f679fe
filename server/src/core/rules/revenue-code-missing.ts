import { suggestedRevenueCode } from '../ruleSupport/facility';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'revenue-code-missing',
    description: 'A service line of an institutional (UB-04 / 837I) claim without a revenue code (`rev:NNNN`).',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['claim', 'institutional', 'revenue-code'],
    appliesTo: ['claim'],
    docs: {
      what: 'The claim is institutional (`claim-type: institutional`, or `form: UB-04` / `837I`) and a service line has no `rev:` item.',
      why: 'On the UB-04 and the 837I every line carries a revenue code (form locator 42, SV201): the 837I rejects a line without one, and the revenue code tells the payer which department or item the charge is for: the operating room (0360) for the 64596 procedure, other implants (0278) for the device C-code. Professional claims (CMS-1500 / 837P) have no revenue codes, so the rule is quiet on them.',
      fix: 'Add the line\'s revenue code from the hospital\'s chargemaster, e.g. `rev:0360` on the 64596 line and `rev:0278` on the device line. Hover a `rev:` code for its meaning; completion after `rev:` lists the codes OpNote knows.',
      sources: ['health-samurai.io rcmbox x12 837i; stedi.com changelog (missing revenue code); x12.org RFI 1435 (64596 fact sheet §8: revenue code required on every 837I line)', 'revenuees.com and greenhivebilling.com (revenue code 0360, the 036X family)', 'accountinginsights.org (revenue code 0278, other implants)'],
      bad: 'claim-type: institutional\nbill-type: 131\npayer: Medicare\n\ndx: G89.29\n64596-LT x1 ptr:A $9800.00\nC1778 x1 rev:0278 $4200.00',
      good: 'claim-type: institutional\nbill-type: 131\npayer: Medicare\n\ndx: G89.29\n64596-LT x1 rev:0360 ptr:A $9800.00\nC1778 x1 rev:0278 $4200.00',
    },
  },
  check({ knowledge, claim }, report) {
    if (!claim || claim.claimType !== 'institutional') return;
    for (const line of claim.lines) {
      if (line.revenueCode) continue;
      const suggested = suggestedRevenueCode(knowledge, line);
      const name = suggested ? knowledge.revenueCodes.get(suggested)?.name.toLowerCase() : undefined;
      report({
        span: line.code.span,
        message: `${line.code.value} has no revenue code, which every institutional (UB-04) line needs: add rev:NNNN${name ? ` (e.g. rev:${suggested}: ${name})` : ''}.`,
      });
    }
  },
};

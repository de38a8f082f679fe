import { cite, factLocation } from '../ruleSupport/claim';
import { modifierInfo } from '../ruleSupport/modifiers';
import type { Rule } from '../linting/types';

const INCREASED_SERVICES = '22';

export const rule: Rule = {
  meta: {
    id: 'modifier-22-unsupported',
    description: 'Modifier 22 on the claim, but the linked note has no quantified increased-services statement.',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['claim', 'note', 'modifier', 'modifier-22', 'cross-document'],
    appliesTo: ['claim'],
    docs: {
      what: 'A service line carries modifier 22 (increased procedural services) and the operative note named by `note:` has no statement of the extra work that gives numbers (time against the typical time) and a cause (scar, BMI-related depth, anatomy), or has only vague wording ("difficult case", "obese").',
      why: 'CMS asks for a concise statement of how the service differed from the usual, plus the operative report; without it the claim is priced at the normal fee (IOM 100-04 ch.12 §40.2.A.10). Obesity, adhesions or length alone do not qualify. On a 64596 claim the extra payment depends entirely on the note.',
      fix: 'Add an increased-services section to the note (extra minutes compared with typical, the cause, the extra work), or remove 22 from the claim. The claim is re-checked when the note changes.',
      sources: ['ngsmedicare.com (CMS IOM 100-04 ch.12 §40.2.A.10)', 'aapc.com thread quoting Noridian (obesity, adhesions or length alone do not qualify)', '64596 fact sheet §5 and fact 7'],
      bad: '// the note says only "difficult case because the patient is obese"\npayer: Medicare\nnote: vague.opnote\n\ndx: G57.51\n64596-22-RT x1 ptr:A',
      good: '// the note: "took 95 minutes against a typical 40 because of a BMI of 52 and a nerve depth of 9 cm"\npayer: Medicare\nnote: quantified.opnote\n\ndx: G57.02\n64596-22-LT x1 ptr:A',
    },
  },
  check(context, report) {
    const { claim } = context;
    const note = claim?.note;
    if (!claim || !note) return;
    const { facts } = note;
    const status = facts.increasedServices.status;
    if (status === 'quantified') return;
    const info = modifierInfo(context.knowledge, INCREASED_SERVICES);
    const found = status === 'unquantified' ? 'the note gives no extra time against typical or specific cause' : 'the note has no increased-services statement';
    const related = [
      factLocation(note, facts.increasedServices, status === 'unquantified' ? 'The increased-services wording in the note has no numbers or specific cause.' : 'The note has no increased-services statement.'),
    ];
    for (const line of claim.lines) {
      const modifier = line.modifiers.find((candidate) => candidate.value === INCREASED_SERVICES);
      if (!modifier) continue;
      report({
        span: modifier.span,
        message: `Modifier 22 on ${line.code.value} asks for more than the usual payment, but ${found}: remove 22 or query the surgeon.`,
        detail:
          `Payers need a concise statement of the extra work (minutes beyond the typical, the cause such as scar, BMI-related depth or anatomy); without it the line is paid at the normal fee or denied.` +
          `${info ? ` ${cite(info, 'the payer policy')}` : ''}`,
        related,
      });
    }
  },
};

import { isProcedureLine } from '../ruleSupport/claim';
import type { CoverageStance } from '../knowledge';
import type { Rule } from '../linting/types';

const NOT_COVERED: ReadonlySet<CoverageStance> = new Set<CoverageStance>(['investigational', 'not-medically-necessary']);

const STANCE_WORDS: Record<string, string> = {
  investigational: 'investigational (experimental / unproven)',
  'not-medically-necessary': 'not medically necessary',
};

export const rule: Rule = {
  meta: {
    id: 'payer-noncoverage',
    description: 'The payer\'s policy calls implantable peripheral nerve stimulation investigational or not medically necessary.',
    defaultSeverity: 'warning',
    fixable: false,
    tags: ['claim', 'payer', 'coverage'],
    appliesTo: ['claim'],
    docs: {
      what: 'A claim for peripheral nerve stimulation goes to a payer whose stance in the payer data (`payers.json`, or your organisation\'s `.opnote/payers/*.json`) is investigational or not medically necessary, for example Anthem SURG.00158 (investigational for all indications, 2024) or Cigna 0539 (not medically necessary, 2025). The message names the policies from the data.',
      why: 'A claim against a non-coverage policy is denied whatever the documentation says, and the patient may be billed only with a valid advance notice. Knowing before submission lets the practice seek a medical exception, an appeal path, or the patient\'s written agreement. Policies change: check the current version on the payer\'s site.',
      fix: 'Check the current policy and the patient\'s plan; get an exception or the patient\'s written agreement before the procedure, or record a newer stance in a payer file (`.opnote/payers/*.json`). Disable the rule for the file once handled.',
      sources: ['anthem.com SURG.00158 (investigational / not medically necessary, 2024-04-01)', 'verity.backworkai.com CIGNA-0539 (not medically necessary, 2025-05-15)', 'info.5y1.org Premera 7.01.574 (investigational)', '64596 fact sheet §4 and fact 6'],
      bad: 'payer: Anthem Blue Cross\n\ndx: G57.82\n64596-LT x1 ptr:A',
      good: 'payer: Medicare\n\ndx: G57.82\n64596-LT x1 ptr:A',
    },
  },
  check(context, report) {
    const { claim, knowledge } = context;
    if (!claim?.lines.some((line) => isProcedureLine(knowledge, line))) return;
    const matched = claim.payer;
    if (!matched || !NOT_COVERED.has(matched.payer.coverage)) return;
    const { payer, field } = matched;
    const policies = payer.policies.filter((policy) => NOT_COVERED.has(policy.stance));
    const named = policies
      .map((policy) => `${policy.id ? `${policy.id} ` : ''}"${policy.title}"${policy.effective ? ` (${policy.effective})` : ''}`)
      .join('; ');
    const unverified = [payer, ...policies].some((fact) => !fact.verified);
    const source = policies[0]?.sources[0] ?? payer.sources[0];
    report({
      span: field.valueSpan,
      message: `${payer.name} calls implantable PNS ${STANCE_WORDS[payer.coverage]}: likely denied whatever the note says; check the policy first.`,
      detail:
        `${named ? `Policy: ${named}. ` : ''}A payer that does not cover the service denies it however well the note documents it: get an exception or the patient's written agreement first. ` +
        `${unverified ? 'Unverified: check the current payer policy' : 'Policies change: check the current version'} (source: ${source}).`,
    });
  },
};

import { diagnoses } from '../ruleSupport/claim';
import type { Fix, Rule } from '../linting/types';

const MAX_SUGGESTIONS = 8;

export const rule: Rule = {
  meta: {
    id: 'dx-invalid',
    description: 'A diagnosis that is not an ICD-10-CM code, or a category (header) that is not billable.',
    defaultSeverity: 'error',
    fixable: true,
    tags: ['claim', 'diagnosis', 'icd-10-cm'],
    appliesTo: ['claim'],
    docs: {
      what: 'A code in a `dx:` list does not exist in the ICD-10-CM code set OpNote ships (FY2026, from the CMS code file), or exists only as a category or subcategory (a header such as G57.8) rather than a complete, billable code (G57.81, G57.82 ...).',
      why: 'Claims must carry codes to the highest level of specificity; a header or an unknown code gets the whole claim rejected at the clearinghouse before any coverage review. For peripheral nerve stimulation the complete code also carries the laterality that must match LT/RT.',
      fix: 'Replace the code by the complete code the documentation supports. For a header the quick fixes offer its billable codes (none is preferred: pick the one the note supports).',
      sources: ['CMS ICD-10-CM FY2026 code file (billable codes; bundled with OpNote)', 'ICD-10-CM Official Guidelines for Coding and Reporting (code to the highest specificity)'],
      bad: 'payer: Medicare\n\ndx: G57.8\n64596-LT x1 ptr:A',
      good: 'payer: Medicare\n\ndx: G57.82\n64596-LT x1 ptr:A',
    },
  },
  check({ model, knowledge }, report) {
    const edition = knowledge.icd10.provenance().edition.split(' (')[0];
    for (const entry of diagnoses(model)) {
      const lookup = knowledge.icd10.lookup(entry.code.value);
      if (lookup.billable) continue;
      if (!lookup.exists) {
        report({
          span: entry.code.span,
          message: `${lookup.normalized} is not an ICD-10-CM ${edition} code: check the code in the documentation, or the clearinghouse rejects the claim.`,
        });
        continue;
      }
      const children = knowledge.icd10.complete(lookup.normalized, MAX_SUGGESTIONS + 1);
      const fixes: Fix[] = children.slice(0, MAX_SUGGESTIONS).map((code) => ({ title: `Replace ${lookup.normalized} with ${code}`, edits: [{ span: entry.code.span, newText: code }] }));
      report({
        span: entry.code.span,
        message: `${lookup.normalized} is an ICD-10-CM ${edition} category, not a billable code: use a complete code (${children.slice(0, 3).join(', ')}${children.length > 3 ? ' …' : ''}) with the note's side.`,
        detail: `A category (header) code gets the claim rejected. Its codes: ${children.join(', ')}.`,
        // Offered only when there is a real choice, so fix-all never picks a diagnosis for the coder.
        ...(fixes.length > 1 ? { fixes } : {}),
      });
    }
  },
};

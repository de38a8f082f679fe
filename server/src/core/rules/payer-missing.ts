import { headerField } from '../parse/model';
import type { Rule } from '../linting/types';

export const rule: Rule = {
  meta: {
    id: 'payer-missing',
    description: 'A claim without a `payer:` header, or with an empty one.',
    defaultSeverity: 'error',
    fixable: false,
    tags: ['claim', 'payer'],
    appliesTo: ['claim'],
    docs: {
      what: 'The claim has no `payer:` header field, or its value is empty.',
      why: 'Coverage of implantable peripheral nerve stimulation differs sharply by payer (Medicare covers it under NCD 160.7 when criteria are met; Anthem SURG.00158 calls it investigational; Cigna 0539 not medically necessary). Without the payer, OpNote cannot check prior authorization or coverage.',
      fix: 'Add `payer: <name>` at the top of the claim, e.g. `payer: Medicare`.',
      sources: ['64596 fact sheet §4 (payer coverage)', 'OpNote markup brief (docs/markup.md): `payer` is required on claims'],
      bad: 'dos: 2026-03-14\n\n64596-LT x1 ptr:A',
      good: 'payer: Medicare\ndos: 2026-03-14\n\n64596-LT x1 ptr:A',
    },
  },
  check(context, report) {
    const { model } = context;
    const payer = headerField(model, 'payer');
    if (!payer) {
      const where = model.header.fields[0]?.span ?? model.lines.lineSpan(0);
      report({ span: where, message: 'This claim has no `payer:` header; coverage and prior-authorization checks need it.' });
    } else if (payer.value.trim() === '') {
      report({ span: payer.keySpan, message: 'The `payer:` header is empty; coverage and prior-authorization checks need the payer.' });
    }
  },
};

import { cite, isProcedureLine } from '../ruleSupport/claim';
import { appendHeaderFieldEdit } from '../ruleSupport/edits';
import type { Rule } from '../linting/types';
import { headerField } from '../parse/model';

export const rule: Rule = {
  meta: {
    id: 'prior-auth-missing',
    description: 'The payer requires (or commonly requires) prior authorization and `prior-auth:` is missing or empty.',
    defaultSeverity: 'warning',
    fixable: true,
    tags: ['claim', 'payer', 'prior-authorization'],
    appliesTo: ['claim'],
    docs: {
      what: 'A claim for peripheral nerve stimulation goes to a payer whose entry in the payer data (`payers.json`, or your organisation\'s `.opnote/payers/*.json`) says prior authorization is required or commonly required, and the claim has no `prior-auth:` number.',
      why: 'Stimulator implants are a classic prior-authorization service: without the authorization number on the claim the payer denies it, and an authorization cannot usually be obtained after the fact. Whether a given plan requires it is often unverified in OpNote\'s data (the fact sheet has one sourced example, Priority Health): check the payer policy, and record your plan\'s rule in a payer file.',
      fix: 'Add `prior-auth: <number>` to the header (the quick fix inserts the key; fill in the number from the authorization).',
      sources: ['kipdf "91468-R18" (Priority Health: prior authorization for all stimulation devices)', '64596 fact sheet §4 (prior authorization commonly required) and fact 6'],
      bad: 'payer: Priority Health\ndos: 2026-03-14\n\ndx: G57.82\n64596-LT x1 ptr:A',
      good: 'payer: Priority Health\ndos: 2026-03-14\nprior-auth: PA-12345\n\ndx: G57.82\n64596-LT x1 ptr:A',
    },
  },
  check(context, report) {
    const { model, knowledge, claim } = context;
    if (!claim?.lines.some((line) => isProcedureLine(knowledge, line))) return;
    const matched = claim.payer;
    if (!matched) return;
    const { payer, field } = matched;
    const authorization = payer.priorAuthorization;
    if (authorization.value !== 'required' && authorization.value !== 'commonly-required') return;
    const existing = headerField(model, 'prior-auth');
    if (existing && existing.value.trim() !== '') return;
    const how = authorization.value === 'required' ? 'requires' : 'commonly requires';
    const edit = existing ? undefined : appendHeaderFieldEdit(model, 'prior-auth:');
    report({
      span: existing?.keySpan ?? field.valueSpan,
      message: `${payer.name} ${how} prior authorization for stimulator implants, and ${existing ? 'the `prior-auth:` header is empty' : 'the claim has no `prior-auth:` header'}: add the number.`,
      detail: `Without the authorization number the claim is likely denied. ${cite(authorization, 'the payer policy')}`,
      ...(edit ? { fixes: [{ title: 'Insert a `prior-auth:` header', edits: [edit], isPreferred: true }] } : {}),
    });
  },
};

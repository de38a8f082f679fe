import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import type { Knowledge } from '../knowledge';
import { CLAIM_TYPE_VALUES } from '../parse/headerKeys';

const ICD_LIMIT = 50;

export interface TokenAtCursor {
  readonly text: string;
  readonly range: Range;
}

const edit = (label: string, token: TokenAtCursor) => ({ textEdit: { range: token.range, newText: label } });

const SHORT_DESCRIPTION = 120;

/** `text` without its parenthesised asides (and the space before each), in one pass. */
function withoutAsides(text: string): string {
  let kept = '';
  let from = 0;
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', from)) {
    const close = text.indexOf(')', open);
    if (close < 0) break;
    kept += text.slice(from, open).trimEnd();
    from = close + 1;
  }
  return kept + text.slice(from);
}

/** The description shown beside the code in the list itself: its first clause (before `;` or `:`) without parentheses, cut at a word. */
function shortDescription(text: string): string {
  const clause = withoutAsides(text.split(/[;:]/, 1)[0]).replace(/\.$/, '').trim();
  if (clause.length <= SHORT_DESCRIPTION) return clause;
  const cut = clause.slice(0, SHORT_DESCRIPTION - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > SHORT_DESCRIPTION / 2 ? cut.slice(0, space) : cut).trimEnd().replace(/,$/, '')}…`;
}

/** `lead` (a code's family) goes first, so it shows even where the suggest widget cuts the description. */
const described = (text: string, lead?: string) => ({ labelDetails: { description: lead ? `${lead}: ${shortDescription(text)}` : shortDescription(text) } });

/** Procedure codes from the knowledge pack whose code starts with the typed digits or letters. */
export function procedureCodeItems(knowledge: Knowledge, token: TokenAtCursor): CompletionItem[] {
  const prefix = token.text.toUpperCase();
  return [...knowledge.codes.values()]
    .filter((entry) => entry.code.startsWith(prefix))
    .map((entry) => ({
      label: entry.code,
      kind: CompletionItemKind.Constant,
      detail: entry.family.replace(/-/g, ' '),
      // "pns integrated" (64596) against "pns array" (64555): the family tells them apart at a glance.
      ...described(entry.summary, entry.family.replace(/-/g, ' ')),
      documentation: `${entry.summary}${entry.verified ? '' : ' (unverified)'}`,
      sortText: entry.code === '64596' ? '0' : entry.family.startsWith('pns') ? `1${entry.code}` : `2${entry.code}`,
      ...edit(entry.code, token),
    }));
}

export function modifierItems(knowledge: Knowledge, token: TokenAtCursor): CompletionItem[] {
  const prefix = token.text.toUpperCase();
  return [...knowledge.modifiers.values()]
    .filter((modifier) => modifier.code.startsWith(prefix))
    .map((modifier) => ({
      label: modifier.code,
      kind: CompletionItemKind.EnumMember,
      detail: modifier.title,
      ...described(modifier.title),
      documentation: `${modifier.meaning} ${modifier.whenToUse}`,
      sortText: `${modifier.kind === 'pricing' ? 0 : 1}${modifier.code}`,
      ...edit(modifier.code, token),
    }));
}

/** ICD-10-CM codes by prefix from the 74k FY2026 list; the list is marked incomplete so typing narrows it. */
export function icd10Items(knowledge: Knowledge, token: TokenAtCursor): { items: CompletionItem[]; isIncomplete: boolean } {
  const codes = knowledge.icd10.complete(token.text, ICD_LIMIT);
  const descriptions = knowledge.icd10.descriptions();
  const items = codes.map((code) => {
    const entry = descriptions.get(code);
    return {
      label: code,
      kind: CompletionItemKind.Value,
      ...(entry ? { detail: entry.description, ...described(entry.description) } : {}),
      ...edit(code, token),
    };
  });
  return { items, isIncomplete: codes.length >= ICD_LIMIT };
}

export function payerItems(knowledge: Knowledge, token: TokenAtCursor): CompletionItem[] {
  return knowledge.payers.map((payer) => ({
    label: payer.aliases[0],
    kind: CompletionItemKind.Reference,
    detail: payer.name,
    documentation: `Implantable PNS: ${payer.coverage.replace(/-/g, ' ')}; prior authorization: ${payer.priorAuthorization.value.replace(/-/g, ' ')}.`,
    filterText: payer.aliases.join(' '),
    ...edit(payer.aliases[0], token),
  }));
}

export function posItems(knowledge: Knowledge, token: TokenAtCursor): CompletionItem[] {
  return [...knowledge.pos.values()].map((pos) => ({
    label: pos.code,
    kind: CompletionItemKind.Value,
    detail: pos.name,
    ...described(pos.name),
    ...edit(pos.code, token),
  }));
}

/** The claim forms `claim-type:` (or `form:`) takes. */
export function claimTypeItems(token: TokenAtCursor): CompletionItem[] {
  return CLAIM_TYPE_VALUES.map((entry, index) => ({
    label: entry.value,
    kind: CompletionItemKind.EnumMember,
    detail: `${entry.claimType}: ${entry.detail}`,
    sortText: String(index).padStart(2, '0'),
    ...edit(entry.value, token),
  }));
}

/** The types of bill the knowledge pack can decode (facility type and classification, then the frequency). */
export function billTypeItems(knowledge: Knowledge, token: TokenAtCursor): CompletionItem[] {
  const { billTypes, billFrequencies } = knowledge.billing;
  return billTypes.flatMap((type) =>
    billFrequencies.map((frequency) => ({
      label: `${type.prefix}${frequency.digit}`,
      kind: CompletionItemKind.Value,
      detail: `${type.name}, ${frequency.name}`,
      ...edit(`${type.prefix}${frequency.digit}`, token),
    })),
  );
}

/** Revenue codes from the knowledge pack (institutional claim lines, `rev:`). */
export function revenueCodeItems(knowledge: Knowledge, token: TokenAtCursor): CompletionItem[] {
  return [...knowledge.revenueCodes.values()]
    .filter((entry) => entry.code.startsWith(token.text))
    .map((entry) => ({
      label: entry.code,
      kind: CompletionItemKind.Value,
      detail: entry.name,
      documentation: entry.use,
      ...edit(entry.code, token),
    }));
}

import type { Hover, Position } from 'vscode-languageserver-types';
import type { NoteFacts } from '../facts/types';
import type { Knowledge } from '../knowledge';
import type { Payer } from '../knowledge/schema';
import { RULES } from '../rules/index.generated';
import { claimTypeOf, resolveHeaderKey } from '../parse/headerKeys';
import type { RuleFinding } from '../linting/types';
import { headerField, type DocumentModel } from '../parse/model';
import { sectionDisplayTitle } from '../parse/sectionSynonyms';
import { spanContains, type Span } from '../text/span';
import { billTypeHover, claimTypeHover, revenueCodeHover } from './hoverClaim';
import { codeHover } from './hoverCodes';
import { factHover } from './hoverFacts';
import { payerHover } from './hoverPayer';
import { SECTION_GUIDANCE } from './sectionGuidance';

export interface HoverContext {
  readonly knowledge: Knowledge;
  readonly findPayer: (headerValue: string) => Payer | undefined;
}

/** Markdown about a span of the document. */
interface HoverPiece {
  readonly span: Span;
  readonly value: string;
}

const piece = (span: Span, value: string): HoverPiece => ({ span, value });

/**
 * Hover for what sits under the cursor: directive rule ids, header keys and values, section headings,
 * codes, fact evidence; and, under it, the why and the source of each finding there (its message is
 * short; VS Code shows the message itself above the hover).
 */
export function hover(model: DocumentModel, facts: NoteFacts | undefined, findings: readonly RuleFinding[], position: Position, context: HoverContext): Hover | null {
  const offset = model.lines.offsetAt(position);
  const element = elementHover(model, facts, offset, context);
  const explained = findings.filter((finding) => finding.detail && spanContains(finding.span, offset));
  const span = element?.span ?? explained[0]?.span;
  if (!span) return null;
  const value = [element?.value, ...explained.map((finding) => `**${finding.rule.id}**: ${finding.detail}`)].filter(Boolean).join('\n\n---\n\n');
  return { contents: { kind: 'markdown', value }, range: model.lines.rangeOf(span) };
}

function elementHover(model: DocumentModel, facts: NoteFacts | undefined, offset: number, context: HoverContext): HoverPiece | null {
  for (const directive of model.directives) {
    const ref = directive.rules.find((rule) => spanContains(rule.span, offset));
    if (!ref) continue;
    const rule = RULES.find((candidate) => candidate.meta.id === ref.id);
    if (!rule) return piece(ref.span, `\`${ref.id}\` is not an OpNote rule.`);
    return piece(ref.span, `**${rule.meta.id}** (default: ${rule.meta.defaultSeverity}${rule.meta.fixable ? ', fixable' : ''})\n\n${rule.meta.description}`);
  }
  const field = model.header.fields.find((candidate) => spanContains(candidate.keySpan, offset));
  if (field) {
    const info = resolveHeaderKey(field.rawKey, model.kind);
    if (!info) return piece(field.keySpan, `Unknown header key \`${field.rawKey}\`: kept, but not used by OpNote.`);
    const alias = info.key !== field.rawKey.trim().toLowerCase() ? ` (alias of \`${info.key}\`)` : '';
    const date = field.isoDate ? `\n\nRead as **${field.isoDate}**.` : '';
    const institutional = info.key === 'pos' && model.kind === 'claim' && claimTypeOf(headerField(model, 'claim-type')?.value ?? '') === 'institutional';
    const unused = institutional ? '\n\nNot used on an institutional claim (UB-04 / 837I): its setting is the type of bill (`bill-type:`).' : '';
    return piece(field.keySpan, `**${info.key}**${alias}: ${info.description}${date}${unused}`);
  }
  const payerField = model.header.fields.find((candidate) => candidate.key === 'payer' && candidate.value !== '' && spanContains(candidate.valueSpan, offset));
  if (payerField) return piece(payerField.valueSpan, payerHover(context.findPayer(payerField.value), payerField.value));
  const claimField = model.kind === 'claim' ? model.header.fields.find((candidate) => (candidate.key === 'claim-type' || candidate.key === 'bill-type') && candidate.value !== '' && spanContains(candidate.valueSpan, offset)) : undefined;
  if (claimField) return piece(claimField.valueSpan, claimField.key === 'claim-type' ? claimTypeHover(claimField.value) : billTypeHover(claimField.value, context.knowledge));
  const revenue = model.claim?.lines.find((line) => line.revenueCode && spanContains(line.revenueCode.span, offset))?.revenueCode;
  if (revenue) return piece(revenue.span, revenueCodeHover(revenue.value, context.knowledge));
  const section = model.sections.find((candidate) => spanContains(candidate.titleSpan, offset));
  if (section) {
    const guidance = SECTION_GUIDANCE[section.id];
    const name = section.id === 'other' ? 'a section OpNote has no special meaning for' : `**${sectionDisplayTitle(section.id)}** section (\`${section.id}\`)`;
    return piece(section.titleSpan, guidance ? `${name}\n\n${guidance}` : name);
  }
  const code = model.codes.find((candidate) => spanContains(candidate.span, offset));
  if (code) return piece(code.span, codeHover(code, context.knowledge));
  if (facts) {
    const mentions = facts.mentions.filter((mention) => spanContains(mention.span, offset));
    const text = factHover(mentions, facts, context.knowledge);
    if (text && mentions[0]) return piece(mentions[0].span, text);
  }
  return null;
}

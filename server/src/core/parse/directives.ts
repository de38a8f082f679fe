import type { Span } from '../text/span';
import type { Directive, DirectiveKind, DirectiveRuleRef } from './model';

const COMMENT = /^[ \t]*\/\//;
const DIRECTIVE = /^[ \t]*\/\/[ \t]*opnote-(disable-next-line|disable-line|disable|enable)\b/d;
const RULE_ID = /[A-Za-z0-9][A-Za-z0-9-]*/g;

export function isCommentLine(line: string): boolean {
  return COMMENT.test(line);
}

/**
 * At most this many rule ids are read from one directive (OpNote has fewer rules; an empty list
 * disables every rule). The rest are not read, so a directive of any length costs the same.
 */
export const MAX_DIRECTIVE_RULES = 64;

/**
 * Reads `// opnote-disable-next-line ID[, ID] -- reason`. No ids means every rule; text after `--` is a
 * free-text reason and is not read as ids.
 */
export function parseDirective(line: string, lineStart: number, lineNumber: number): Directive | undefined {
  const match = DIRECTIVE.exec(line);
  if (!match) return undefined;
  const idsStart = match.indices![0][1];
  const reasonAt = line.indexOf('--', idsStart);
  const idsEnd = reasonAt < 0 ? line.length : reasonAt;
  const rules: DirectiveRuleRef[] = [];
  let ignored: Span | undefined;
  RULE_ID.lastIndex = idsStart;
  for (let id = RULE_ID.exec(line); id && id.index < idsEnd; id = RULE_ID.exec(line)) {
    const end = Math.min(id.index + id[0].length, idsEnd);
    if (rules.length === MAX_DIRECTIVE_RULES) {
      ignored = { start: lineStart + id.index, end: lineStart + line.slice(0, idsEnd).trimEnd().length };
      break;
    }
    rules.push({ id: line.slice(id.index, end).toLowerCase(), span: { start: lineStart + id.index, end: lineStart + end } });
  }
  return {
    kind: match[1] as DirectiveKind,
    rules,
    ...(ignored ? { ignored } : {}),
    span: { start: lineStart + line.search(/\S/), end: lineStart + line.trimEnd().length },
    line: lineNumber,
  };
}

import type { Directive, DirectiveKind } from './model';

const COMMENT = /^[ \t]*\/\//;
const DIRECTIVE = /^[ \t]*\/\/[ \t]*opnote-(disable-next-line|disable-line|disable|enable)\b/d;
const RULE_ID = /[A-Za-z0-9][A-Za-z0-9-]*/g;

export function isCommentLine(line: string): boolean {
  return COMMENT.test(line);
}

/**
 * Reads `// opnote-disable-next-line ID[, ID] -- reason`. No ids means every rule; text after `--` is a
 * free-text reason and is not read as ids.
 */
export function parseDirective(line: string, lineStart: number, lineNumber: number): Directive | undefined {
  const match = DIRECTIVE.exec(line);
  if (!match) return undefined;
  const idsStart = match.indices![0][1];
  const reasonAt = line.indexOf('--', idsStart);
  const idsText = line.slice(idsStart, reasonAt < 0 ? line.length : reasonAt);
  const rules = [...idsText.matchAll(RULE_ID)].map((id) => ({
    id: id[0].toLowerCase(),
    span: { start: lineStart + idsStart + id.index!, end: lineStart + idsStart + id.index! + id[0].length },
  }));
  return {
    kind: match[1] as DirectiveKind,
    rules,
    span: { start: lineStart + line.search(/\S/), end: lineStart + line.trimEnd().length },
    line: lineNumber,
  };
}

import type { Directive, DocumentModel } from '../parse/model';

/**
 * Answers "is rule R disabled on line L" from the document's directives:
 * `disable-next-line` covers the next line, `disable-line` its own line (trailing comments in claims),
 * `disable` / `enable` open and close a region (an empty id list means every rule).
 */
export class Suppressions {
  private readonly byLine = new Map<number, Directive[]>();
  private readonly regions: Directive[];

  constructor(model: DocumentModel) {
    for (const directive of model.directives) {
      if (directive.kind === 'disable-next-line') this.add(directive.line + 1, directive);
      if (directive.kind === 'disable-line') this.add(directive.line, directive);
    }
    this.regions = model.directives.filter((directive) => directive.kind === 'disable' || directive.kind === 'enable');
  }

  private add(line: number, directive: Directive): void {
    const list = this.byLine.get(line) ?? [];
    list.push(directive);
    this.byLine.set(line, list);
  }

  isSuppressed(ruleId: string, line: number): boolean {
    if (this.byLine.get(line)?.some((directive) => covers(directive, ruleId))) return true;
    let disabled = false;
    for (const directive of this.regions) {
      if (directive.line > line) break;
      if (covers(directive, ruleId)) disabled = directive.kind === 'disable';
    }
    return disabled;
  }
}

function covers(directive: Directive, ruleId: string): boolean {
  return directive.rules.length === 0 || directive.rules.some((rule) => rule.id === ruleId);
}

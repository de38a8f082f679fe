import type { Directive, DocumentModel } from '../parse/model';
import { partitionPoint } from '../text/partition';

/**
 * Answers "is rule R disabled on line L" from the document's directives:
 * `disable-next-line` covers the next line, `disable-line` its own line (trailing comments in claims),
 * `disable` / `enable` open and close a region (an empty id list means every rule).
 * Every finding asks, so an answer is a lookup: the rule ids of each directive are a set, and each
 * rule's region directives are listed once, in document order, for a binary search by line.
 * Rules a reviewer set aside for the whole file in `.opnoterc.json` (`ignores`) are suppressed
 * everywhere in it, without a comment in the note.
 */
export class Suppressions {
  private readonly byLine = new Map<number, Directive[]>();
  private readonly regions: Directive[];
  private readonly ids = new Map<Directive, ReadonlySet<string>>();
  private readonly regionsByRule = new Map<string, readonly Directive[]>();

  constructor(
    model: DocumentModel,
    private readonly ignoredRules: ReadonlySet<string> = new Set(),
  ) {
    for (const directive of model.directives) {
      this.ids.set(directive, new Set(directive.rules.map((rule) => rule.id)));
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

  private covers(directive: Directive, ruleId: string): boolean {
    return directive.rules.length === 0 || this.ids.get(directive)!.has(ruleId);
  }

  isSuppressed(ruleId: string, line: number): boolean {
    if (this.ignoredRules.has(ruleId)) return true;
    if (this.byLine.get(line)?.some((directive) => this.covers(directive, ruleId))) return true;
    let regions = this.regionsByRule.get(ruleId);
    if (!regions) this.regionsByRule.set(ruleId, (regions = this.regions.filter((directive) => this.covers(directive, ruleId))));
    // The last region directive for this rule at or above the line decides.
    const upTo = partitionPoint(regions.length, (index) => regions[index].line <= line);
    return upTo > 0 && regions[upTo - 1].kind === 'disable';
  }
}

import { effectiveSeverity, type RuleSeverityMap } from './severity';
import { Suppressions } from './suppressions';
import type { RuleReport, Rule, RuleContext, RuleFinding } from './types';

export interface RunOptions {
  /** Severity layers, lowest precedence first. */
  readonly severityLayers: ReadonlyArray<RuleSeverityMap | undefined>;
  readonly maxProblems: number;
  /** Rules set aside for this file (`.opnoterc.json` `ignores`). */
  readonly ignoredRules?: ReadonlySet<string>;
  /** Called with the rule id only (never document text) when a rule throws. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

/** Thrown by `report` when the problem cap is reached: nothing a rule finds after that is kept, so it stops. */
const CAP_REACHED = Symbol('problem cap reached');

/**
 * Runs every applicable, enabled rule; a rule that throws is skipped, the others still run. Once
 * `maxProblems` findings are kept no rule runs further (a claim of 28,000 lines would otherwise build
 * tens of thousands of messages that are then dropped).
 */
export function runRules<Context extends RuleContext>(rules: readonly Rule<Context>[], context: Context, options: RunOptions): RuleFinding[] {
  const suppressions = new Suppressions(context.model, options.ignoredRules);
  const findings: RuleFinding[] = [];
  for (const rule of rules) {
    if (findings.length >= options.maxProblems) break;
    if (!rule.meta.appliesTo.includes(context.model.kind)) continue;
    const severity = effectiveSeverity(rule.meta, ...options.severityLayers);
    if (severity === 'off') continue;
    const report = (finding: RuleReport): void => {
      const line = context.model.lines.lineAt(finding.span.start);
      if (suppressions.isSuppressed(rule.meta.id, line)) return;
      findings.push({ ...finding, rule: rule.meta, severity: finding.unsure && severity !== 'hint' ? 'information' : severity });
      if (findings.length >= options.maxProblems) throw CAP_REACHED;
    };
    try {
      rule.check(context, report);
    } catch (error) {
      if (error !== CAP_REACHED) options.onRuleError?.(rule.meta.id, error);
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.rule.id.localeCompare(b.rule.id));
}

import { effectiveSeverity, type RuleSeverityMap } from './severity';
import { Suppressions } from './suppressions';
import type { Finding, Rule, RuleContext, RuleFinding } from './types';

export interface RunOptions {
  /** Severity layers, lowest precedence first. */
  readonly severityLayers: ReadonlyArray<RuleSeverityMap | undefined>;
  readonly maxProblems: number;
  /** Called with the rule id only (never document text) when a rule throws. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

/** Runs every applicable, enabled rule; a rule that throws is skipped, the others still run. */
export function runRules<Context extends RuleContext>(rules: readonly Rule<Context>[], context: Context, options: RunOptions): RuleFinding[] {
  const suppressions = new Suppressions(context.model);
  const findings: RuleFinding[] = [];
  for (const rule of rules) {
    if (!rule.meta.appliesTo.includes(context.model.kind)) continue;
    const severity = effectiveSeverity(rule.meta, ...options.severityLayers);
    if (severity === 'off') continue;
    const report = (finding: Finding): void => {
      if (findings.length >= options.maxProblems) return;
      const line = context.model.lines.lineAt(finding.span.start);
      if (suppressions.isSuppressed(rule.meta.id, line)) return;
      findings.push({ ...finding, rule: rule.meta, severity });
    };
    try {
      rule.check(context, report);
    } catch (error) {
      options.onRuleError?.(rule.meta.id, error);
    }
  }
  return findings.sort((a, b) => a.span.start - b.span.start || a.rule.id.localeCompare(b.rule.id));
}

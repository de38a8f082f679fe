import type { ParseProblemRule } from '../parse/model';
import type { RuleReport, RuleContext } from './types';

/** The check of a parse-level rule: report the parser's problems that belong to it. */
export function reportParseProblems(rule: ParseProblemRule) {
  return (context: RuleContext, report: (finding: RuleReport) => void): void => {
    for (const problem of context.model.problems) {
      if (problem.rule === rule) report({ span: problem.span, message: problem.message });
    }
  };
}

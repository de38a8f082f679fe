import { DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import { LSP_SEVERITY } from '../linting/severity';
import type { RuleFinding } from '../linting/types';
import type { DocumentModel } from '../parse/model';

export const DIAGNOSTIC_SOURCE = 'opnote';

/**
 * What travels in `Diagnostic.data`: the rule and the document version. The quick fixes are not
 * copied into it: several findings may share one fix (a units-exceed session of N lines has N
 * findings and one fix of N edits), and code actions read the fixes from the analysis of that version.
 */
export interface DiagnosticData {
  readonly rule: string;
  readonly version: number;
}

export function ruleDocsUri(docsBaseUri: string, ruleId: string): string {
  return `${docsBaseUri.replace(/\/?$/, '/')}${ruleId}.md`;
}

export function toDiagnostic(finding: RuleFinding, model: DocumentModel, docsBaseUri: string): Diagnostic {
  const data: DiagnosticData = { rule: finding.rule.id, version: model.version };
  return {
    range: model.lines.rangeOf(finding.span),
    severity: LSP_SEVERITY[finding.severity],
    code: finding.rule.id,
    codeDescription: { href: ruleDocsUri(docsBaseUri, finding.rule.id) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(finding.unnecessary ? { tags: [DiagnosticTag.Unnecessary] } : {}),
    ...(finding.related?.length
      ? { relatedInformation: finding.related.map((related) => ({ location: { uri: related.uri, range: related.range }, message: related.message })) }
      : {}),
    data,
  };
}

import type { Diagnostic } from 'vscode-languageserver-types';
import { LSP_SEVERITY } from '../linting/severity';
import type { Fix, RuleFinding } from '../linting/types';
import type { DocumentModel } from '../parse/model';
import type { LineIndex } from '../text/lineIndex';

export const DIAGNOSTIC_SOURCE = 'opnote';

/** What travels in `Diagnostic.data`: enough to build the quick fixes without re-checking. */
export interface DiagnosticData {
  readonly rule: string;
  readonly version: number;
  readonly fixes: ReadonlyArray<{ title: string; isPreferred: boolean; edits: Array<{ range: ReturnType<LineIndex['rangeOf']>; newText: string }> }>;
}

export function fixToData(fix: Fix, lines: LineIndex): DiagnosticData['fixes'][number] {
  return {
    title: fix.title,
    isPreferred: fix.isPreferred ?? false,
    edits: fix.edits.map((edit) => ({ range: lines.rangeOf(edit.span), newText: edit.newText })),
  };
}

export function ruleDocsUri(docsBaseUri: string, ruleId: string): string {
  return `${docsBaseUri.replace(/\/?$/, '/')}${ruleId}.md`;
}

export function toDiagnostic(finding: RuleFinding, model: DocumentModel, docsBaseUri: string): Diagnostic {
  const data: DiagnosticData = {
    rule: finding.rule.id,
    version: model.version,
    fixes: (finding.fixes ?? []).map((fix) => fixToData(fix, model.lines)),
  };
  return {
    range: model.lines.rangeOf(finding.span),
    severity: LSP_SEVERITY[finding.severity],
    code: finding.rule.id,
    codeDescription: { href: ruleDocsUri(docsBaseUri, finding.rule.id) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(finding.unnecessary ? { tags: [1] } : {}),
    ...(finding.related?.length
      ? { relatedInformation: finding.related.map((related) => ({ location: { uri: related.uri, range: related.range }, message: related.message })) }
      : {}),
    data,
  };
}

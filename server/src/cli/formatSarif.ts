import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule, Severity } from '../core/linting/types';
import { rulePageMarkdown } from '../core/features/rulePage';
import { PrettyArray } from './jsonArray';
import { HAS_SCHEME, relatedPath, type CheckedFile, type FindingRecord, type ReportWriter } from './report';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function region(range: { start: { line: number; character: number }; end: { line: number; character: number } }) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function artifactUri(file: string): string {
  if (HAS_SCHEME.test(file)) return file;
  return path.isAbsolute(file) ? pathToFileURL(file).href : file.split(path.sep).map(encodeURIComponent).join('/');
}

function result(file: CheckedFile, finding: FindingRecord, ruleIndex: ReadonlyMap<string, number>) {
  return {
    ruleId: finding.rule,
    ruleIndex: ruleIndex.get(finding.rule) ?? -1,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file.path) }, region: region(finding.range) } }],
    ...(finding.related?.length
      ? {
          relatedLocations: finding.related.map((related, id) => ({
            id,
            message: { text: related.message },
            physicalLocation: { artifactLocation: { uri: artifactUri(relatedPath(related.uri)) }, region: region(related.range) },
          })),
        }
      : {}),
  };
}

/** SARIF 2.1.0; columns are UTF-16 code units (LSP positions), said so in `columnKind`. */
export function sarifWriter(rules: readonly Rule[], version: string): ReportWriter {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  const results = new PrettyArray((items) => ({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'opnote',
            version,
            rules: rules.map((rule) => ({
              id: rule.meta.id,
              shortDescription: { text: rule.meta.description },
              fullDescription: { text: rule.meta.docs.what },
              // The page itself, not a link: a file URI of the machine that ran the check means nothing elsewhere.
              help: { text: rule.meta.docs.fix, markdown: rulePageMarkdown(rule.meta) },
              defaultConfiguration: { level: LEVEL[rule.meta.defaultSeverity] },
              properties: { tags: [...rule.meta.tags], fixable: rule.meta.fixable },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: items,
      },
    ],
  }));
  return {
    begin: () => results.begin(),
    file: (file) => file.findings.map((finding) => results.item(result(file, finding, ruleIndex))).join(''),
    end: () => results.end(),
  };
}

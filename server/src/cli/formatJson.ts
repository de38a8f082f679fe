import { PrettyArray } from './jsonArray';
import { relatedPath, type CheckedFile, type FindingRecord, type ReportWriter, type Summary } from './report';

/** A finding as the JSON contracts write it (`check --format json` and `check --stdin`). */
export function diagnosticRecord(finding: FindingRecord) {
  return {
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    range: finding.range,
    ...(finding.related?.length ? { related: finding.related.map((related) => ({ path: relatedPath(related.uri), range: related.range, message: related.message })) } : {}),
  };
}

/** The JSON contract of `opnote check --format json` (version 1); other tools depend on its shape. */
export function jsonWriter(): ReportWriter {
  let summary: Summary = { files: 0, errors: 0, warnings: 0, information: 0, hints: 0 };
  const files = new PrettyArray((items) => ({ version: 1, files: items, summary }));
  return {
    begin: () => files.begin(),
    file: (file: CheckedFile) => files.item({ path: file.path, kind: file.kind, ...(file.format ? { format: file.format } : {}), diagnostics: file.findings.map(diagnosticRecord) }),
    end: (tally) => {
      summary = tally.summary();
      return files.end();
    },
  };
}

import { summarize, type CheckedFile } from './report';

/** The JSON contract of `opnote check --format json` (version 1); other tools depend on its shape. */
export function formatJson(files: readonly CheckedFile[]): string {
  const report = {
    version: 1,
    files: files.map((file) => ({
      path: file.path,
      kind: file.kind,
      ...(file.format ? { format: file.format } : {}),
      diagnostics: file.findings.map((finding) => ({
        rule: finding.rule,
        severity: finding.severity,
        message: finding.message,
        range: finding.range,
      })),
    })),
    summary: summarize(files),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

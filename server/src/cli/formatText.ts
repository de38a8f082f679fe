import type { ReportWriter } from './report';

/** Compiler style: `path:line:col severity rule message` (1-based), then a summary line. */
export function textWriter(): ReportWriter {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return {
    begin: () => '',
    file: (file) =>
      file.findings
        .map((finding) => {
          const { start } = finding.range;
          return `${file.path}:${start.line + 1}:${start.character + 1} ${finding.severity} ${finding.rule} ${finding.message}\n`;
        })
        .join(''),
    end: (tally) => {
      const summary = tally.summary();
      return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.information + summary.hints} information in ${plural(summary.files, 'file')}\n`;
    },
  };
}

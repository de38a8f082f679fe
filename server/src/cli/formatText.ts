import { summarize, type CheckedFile } from './report';

/** Compiler style: `path:line:col severity rule message` (1-based), then a summary line. */
export function formatText(files: readonly CheckedFile[]): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const finding of file.findings) {
      const { start } = finding.range;
      lines.push(`${file.path}:${start.line + 1}:${start.character + 1} ${finding.severity} ${finding.rule} ${finding.message}`);
    }
  }
  const summary = summarize(files);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.information + summary.hints} information in ${plural(summary.files, 'file')}`);
  return `${lines.join('\n')}\n`;
}

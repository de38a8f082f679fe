import type { Analysis } from '../core/service/languageService';
import type { DocumentKind } from '../core/parse/model';
import type { RuleFinding } from '../core/linting/types';

/** One checked file as the formatters see it. */
export interface CheckedFile {
  /** As given on the command line, or dir/file when found under a given directory. */
  readonly path: string;
  readonly kind: DocumentKind;
  readonly analysis: Analysis;
}

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
}

export function summarize(files: readonly CheckedFile[]): Summary {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const finding of file.analysis.findings) {
      if (finding.severity === 'error') errors++;
      else if (finding.severity === 'warning') warnings++;
    }
  }
  return { files: files.length, errors, warnings };
}

export function findingRange(file: CheckedFile, finding: RuleFinding) {
  return file.analysis.model.lines.rangeOf(finding.span);
}

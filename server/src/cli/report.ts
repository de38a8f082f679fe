import type { Analysis } from '../core/service/languageService';
import type { DocumentKind } from '../core/parse/model';
import type { RelatedLocation, Severity } from '../core/linting/types';
import type { Range } from '../core/text/lineIndex';

/**
 * One checked file as the formatters see it: plain data (no model, no text), so that the analysis can
 * be dropped as soon as the file is checked and a worker thread can send it back.
 */
export interface CheckedFile {
  /** As given on the command line, or dir/file when found under a given directory. */
  readonly path: string;
  readonly kind: DocumentKind;
  readonly findings: readonly FindingRecord[];
}

/** A finding as plain data (rule id, line/column range) for the formatters and worker threads. */
export interface FindingRecord {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly related?: readonly RelatedLocation[];
}

export function toCheckedFile(path: string, analysis: Analysis): CheckedFile {
  const { lines } = analysis.model;
  return {
    path,
    kind: analysis.model.kind,
    findings: analysis.findings.map((finding) => ({
      rule: finding.rule.id,
      severity: finding.severity,
      message: finding.message,
      range: lines.rangeOf(finding.span),
      ...(finding.related?.length ? { related: finding.related } : {}),
    })),
  };
}

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
}

/** The counts of a report, kept as files go by (a streamed report holds no list of files). */
export class Tally {
  files = 0;
  errors = 0;
  warnings = 0;
  /** Information and hint findings. */
  others = 0;

  add(file: CheckedFile): void {
    this.files++;
    for (const finding of file.findings) {
      if (finding.severity === 'error') this.errors++;
      else if (finding.severity === 'warning') this.warnings++;
      else this.others++;
    }
  }

  summary(): Summary {
    return { files: this.files, errors: this.errors, warnings: this.warnings };
  }
}

/** A formatter that writes its report file by file: `begin` before the first file, `file` for each, `end` after the last. */
export interface ReportWriter {
  begin(): string;
  file(checked: CheckedFile): string;
  end(tally: Tally): string;
}

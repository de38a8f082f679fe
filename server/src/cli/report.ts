import type { Analysis } from '../core/service/languageService';
import type { DocumentKind } from '../core/parse/model';
import type { ClaimFormat } from '../core/service/x12Analysis';
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
  /** How a claim is written: the draft markup or X12 837P / 837I. */
  readonly format?: ClaimFormat;
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
    ...(analysis.model.kind === 'claim' ? { format: analysis.format ?? 'draft' } : {}),
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

export function summarize(files: readonly CheckedFile[]): Summary {
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const finding of file.findings) {
      if (finding.severity === 'error') errors++;
      else if (finding.severity === 'warning') warnings++;
    }
  }
  return { files: files.length, errors, warnings };
}

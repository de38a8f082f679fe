import * as path from 'node:path';
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

/** A URI such as `file:///w/a.opnote`, as opposed to a path (a drive letter is one character, so not a scheme). */
export const HAS_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/**
 * Where a related location (the note a claim names) is, written like the checked files' paths:
 * relative to the working directory when inside it, else absolute; other URIs as they are.
 */
export function relatedPath(uri: string): string {
  if (HAS_SCHEME.test(uri)) return uri;
  const relative = path.relative(process.cwd(), uri);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : uri;
}

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  readonly hints: number;
}

/** The counts of a report, kept as files go by (a streamed report holds no list of files). */
export class Tally {
  files = 0;
  private readonly counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };

  add(file: CheckedFile): void {
    this.files++;
    for (const finding of file.findings) this.counts[finding.severity]++;
  }

  summary(): Summary {
    const { error, warning, information, hint } = this.counts;
    return { files: this.files, errors: error, warnings: warning, information, hints: hint };
  }
}

/** A formatter that writes its report file by file: `begin` before the first file, `file` for each, `end` after the last. */
export interface ReportWriter {
  begin(): string;
  file(checked: CheckedFile): string;
  end(tally: Tally): string;
}

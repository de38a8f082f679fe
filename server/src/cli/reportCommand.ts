import * as fs from 'node:fs';
import type { LanguageService } from '../core/service/languageService';
import { analyzeFile, batchSettings } from './checkFile';
import { progressLine, streamEach, streamOutput, type Output, type ProgressStream } from './checkStream';
import { collectFiles, UsageError, type IgnoreFilter } from './collectFiles';
import { CSV_HEADER, csvRows } from './reportCsv';
import { reportHtml, type ReportContext } from './reportHtml';
import { auditDocument, type AuditDocument } from './reportModel';

export const REPORT_FORMATS = ['html', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

interface ReportOptions {
  readonly inputs: readonly string[];
  /** A file, or `-` for stdout. */
  readonly out: string;
  readonly format: ReportFormat;
  readonly configFile?: string;
  readonly ignore?: IgnoreFilter;
  readonly context: Omit<ReportContext, 'rules'>;
  /** Where the progress line of a long run goes on a terminal (stderr). */
  readonly progress?: ProgressStream;
}

/** Analyses each file once and keeps only what the report shows; the inputs are checked at once. */
function auditDocuments(service: LanguageService, options: ReportOptions): Iterable<AuditDocument> {
  const settings = batchSettings(options.configFile);
  const files = collectFiles(options.inputs, options.ignore ? { ignore: options.ignore } : {});
  return (function* () {
    const progress = progressLine(options.progress, 'files');
    for (const file of files) {
      const analysis = analyzeFile(service, file, settings);
      progress.tick();
      yield auditDocument(file, analysis, service.knowledge);
    }
    progress.done();
  })();
}

/** The report's file, opened before anything is written, so that a folder that is not there is a usage error. */
async function openOut(out: string): Promise<fs.WriteStream> {
  const stream = fs.createWriteStream(out);
  try {
    await new Promise((resolve, reject) => stream.once('open', resolve).once('error', reject));
  } catch {
    throw new UsageError(`--out ${out} cannot be written`);
  }
  return stream;
}

/**
 * `opnote report`: the CSV is written row by row as files are checked; the HTML file holds every
 * document's findings, so it is written once they are all in (only the report's data is kept, never
 * a document's text).
 */
export async function writeReport(service: LanguageService, options: ReportOptions): Promise<void> {
  if (options.inputs.length === 0) throw new UsageError('opnote report needs at least one file, directory or glob');
  const documents = auditDocuments(service, options);
  const html = options.format === 'html' ? reportHtml([...documents], { ...options.context, rules: service.rules }) : undefined;
  const file = options.out === '-' ? undefined : await openOut(options.out);
  const output: Output = streamOutput(file ?? process.stdout);
  try {
    if (html !== undefined) await output.write(html);
    else {
      await output.write(CSV_HEADER);
      await streamEach(documents, csvRows, output);
    }
  } finally {
    if (file) await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentSettings, LanguageService } from '../core/service/languageService';
import { kindFromUri } from '../core/parse/parseDocument';
import { collectFiles, UsageError } from './collectFiles';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import type { CheckedFile } from './report';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckOptions {
  readonly inputs: readonly string[];
  readonly format: Format;
  readonly configFile?: string;
  readonly docsBaseUri: string;
  readonly version: string;
}

/** Reads a file as UTF-8; bad bytes become U+FFFD, which the unreadable-text rule reports. */
export function readDocumentText(file: string): string {
  return fs.readFileSync(file).toString('utf8');
}

export function checkFiles(service: LanguageService, options: CheckOptions): { output: string; exitCode: number } {
  const files = collectFiles(options.inputs);
  if (options.configFile) {
    if (!fs.existsSync(options.configFile)) throw new UsageError(`Config file not found: ${options.configFile}`);
  }
  const settings: DocumentSettings = options.configFile ? { configFile: path.resolve(options.configFile) } : {};
  const checked: CheckedFile[] = files.map((file) => {
    const absolute = path.resolve(file);
    const text = readDocumentText(file);
    const analysis = service.analyze({ uri: absolute, version: 0, text, kindHint: kindFromUri(file) }, settings);
    return { path: file, kind: analysis.model.kind, analysis };
  });
  const configProblem = checked.flatMap((file) => file.analysis.findings).find((finding) => finding.rule.id === 'config-invalid');
  if (configProblem) throw new UsageError(configProblem.message);
  const output =
    options.format === 'json'
      ? formatJson(checked)
      : options.format === 'sarif'
        ? formatSarif(checked, service.rules, options.docsBaseUri, options.version)
        : formatText(checked);
  const hasError = checked.some((file) => file.analysis.findings.some((finding) => finding.severity === 'error'));
  return { output, exitCode: hasError ? 1 : 0 };
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../core/rules/index.generated';
import type { DocumentSettings, LanguageService } from '../core/service/languageService';
import { checkFile, prepareBatch } from './checkFile';
import { collectFiles, UsageError } from './collectFiles';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText } from './formatText';
import { checkInWorkers, workerCount, type Jobs } from './parallel';
import type { CheckedFile } from './report';

export { readDocumentText } from './checkFile';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckOptions {
  readonly inputs: readonly string[];
  readonly format: Format;
  readonly configFile?: string;
  /** `--notes DIR`: where an X12 claim's note is looked for (default: the file's own folder tree). */
  readonly notesFolder?: string;
  readonly docsBaseUri: string;
  readonly version: string;
  /** The folder a claim's `note:` may be read from; workers build their service with it. */
  readonly workspaceRoot: string;
  /** Worker threads: a number (1: none) or 'auto' (several for large batches). */
  readonly jobs?: Jobs;
  /** The script a worker thread runs (the CLI bundle); workers are only used when it is given. */
  readonly workerScript?: string;
}

/** `service` may be a factory: it is built only when this thread checks a file. */
export function checkFiles(service: LanguageService | (() => LanguageService), options: CheckOptions): { output: string; exitCode: number } {
  const files = collectFiles(options.inputs);
  if (options.configFile) {
    if (!fs.existsSync(options.configFile)) throw new UsageError(`Config file not found: ${options.configFile}`);
  }
  const settings: DocumentSettings = { ...(options.configFile ? { configFile: path.resolve(options.configFile) } : {}), ...(options.notesFolder ? { notesFolder: options.notesFolder } : {}) };
  prepareBatch();
  const workers = options.workerScript ? workerCount(files.length, options.jobs ?? 'auto') : 0;
  let instance: LanguageService | undefined = typeof service === 'function' ? undefined : service;
  const serviceInstance = () => (instance ??= (service as () => LanguageService)());
  const checkHere = (file: string) => checkFile(serviceInstance(), file, settings);
  const checked: CheckedFile[] = workers > 0 ? checkInWorkers(options.workerScript!, files, settings, options.workspaceRoot, workers, checkHere) : files.map(checkHere);
  const configProblem = checked.flatMap((file) => file.findings).find((finding) => finding.rule === 'config-invalid');
  if (configProblem) throw new UsageError(configProblem.message);
  const output =
    options.format === 'json'
      ? formatJson(checked)
      : options.format === 'sarif'
        ? formatSarif(checked, instance?.rules ?? RULES, options.docsBaseUri, options.version)
        : formatText(checked);
  const hasError = checked.some((file) => file.findings.some((finding) => finding.severity === 'error'));
  return { output, exitCode: hasError ? 1 : 0 };
}

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
import { parseConfig } from '../core/service/config';
import { describeRefusal, MAX_DEPENDENCY_BYTES } from '../core/service/fileSystem';
import { readFileSafely } from '../node/safeRead';

export { readDocumentText } from './checkFile';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckOptions {
  readonly inputs: readonly string[];
  readonly format: Format;
  readonly configFile?: string;
  readonly version: string;
  /** The folder a claim's `note:` may be read from; workers build their service with it. */
  readonly workspaceRoot: string;
  /** Worker threads: a number (1: none) or 'auto' (several for large batches). */
  readonly jobs?: Jobs;
  /** The script a worker thread runs (the CLI bundle); workers are only used when it is given. */
  readonly workerScript?: string;
}

/**
 * A file named with `--config` must be right: a usage error before anything is checked. (A bad
 * `.opnoterc.json` found next to the files is a config-invalid finding instead, as in the editor,
 * and those files are checked with the defaults.)
 */
function refuseBadConfig(configFile: string): void {
  if (!fs.existsSync(configFile)) throw new UsageError(`Config file not found: ${configFile}`);
  const full = path.resolve(configFile);
  const read = readFileSafely(full, { maxBytes: MAX_DEPENDENCY_BYTES });
  const problem = 'refused' in read ? { cause: `${full} was not read: ${describeRefusal(read.refused)}` } : parseConfig(read.text, full, new Set(RULES.map((rule) => rule.meta.id))).problem;
  if (problem) throw new UsageError(`${problem.cause}; nothing was checked.`);
}

/** `service` may be a factory: it is built only when this thread checks a file. */
export function checkFiles(service: LanguageService | (() => LanguageService), options: CheckOptions): { output: string; exitCode: number } {
  const files = collectFiles(options.inputs);
  if (options.configFile) refuseBadConfig(options.configFile);
  const settings: DocumentSettings = options.configFile ? { configFile: path.resolve(options.configFile) } : {};
  prepareBatch();
  const workers = options.workerScript ? workerCount(files.length, options.jobs ?? 'auto') : 0;
  let instance: LanguageService | undefined = typeof service === 'function' ? undefined : service;
  const serviceInstance = () => (instance ??= (service as () => LanguageService)());
  const checkHere = (file: string) => checkFile(serviceInstance(), file, settings);
  const checked: CheckedFile[] = workers > 0 ? checkInWorkers(options.workerScript!, files, settings, options.workspaceRoot, workers, checkHere) : files.map(checkHere);
  const output =
    options.format === 'json'
      ? formatJson(checked)
      : options.format === 'sarif'
        ? formatSarif(checked, instance?.rules ?? RULES, options.version)
        : formatText(checked);
  const hasError = checked.some((file) => file.findings.some((finding) => finding.severity === 'error'));
  return { output, exitCode: hasError ? 1 : 0 };
}

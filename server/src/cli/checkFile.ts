import * as fs from 'node:fs';
import * as path from 'node:path';
import { kindFromUri } from '../core/parse/parseDocument';
import { RULES } from '../core/rules/index.generated';
import { parseConfig } from '../core/service/config';
import { describeRefusal, MAX_DEPENDENCY_BYTES } from '../core/service/fileSystem';
import { DEFAULT_MAX_DOCUMENT_SIZE, type Analysis, type DocumentSettings, type LanguageService } from '../core/service/languageService';
import { readFileSafely } from '../node/safeRead';
import { UsageError } from './collectFiles';
import { toCheckedFile, type CheckedFile } from './report';

/**
 * A UTF-8 byte decodes to at most one UTF-16 unit and three bytes to at least one, so a file cut at
 * this many bytes still exceeds the document size limit: it gets its document-too-large finding
 * without being read to the end.
 */
const MAX_INPUT_BYTES = 4 * DEFAULT_MAX_DOCUMENT_SIZE;

/** Reads a file as UTF-8 through the safe reader; bad bytes become U+FFFD, which the unreadable-text rule reports. */
export function readDocumentText(file: string): string {
  const read = readFileSafely(file, { maxBytes: MAX_INPUT_BYTES, truncate: true });
  if ('refused' in read) throw new UsageError(`${file} was not read: ${describeRefusal(read.refused, MAX_INPUT_BYTES)}`);
  return read.text;
}

/** Reads and analyses one file. */
export function analyzeFile(service: LanguageService, file: string, settings: DocumentSettings): Analysis {
  return service.analyze({ uri: path.resolve(file), version: 0, text: readDocumentText(file), kindHint: kindFromUri(file) }, settings);
}

/** Reads and checks one file; only the findings are kept, so the text and model can go at once. */
export function checkFile(service: LanguageService, file: string, settings: DocumentSettings): CheckedFile {
  return toCheckedFile(file, analyzeFile(service, file, settings));
}

/** `--config FILE` as the service takes it; a missing file is a usage error before anything is checked. */
/**
 * A file named with `--config` must be right: a usage error before anything is checked. (A bad
 * `.opnoterc.json` found next to the files is a config-invalid finding instead, as in the editor,
 * and those files are checked with the defaults.)
 */
export function batchSettings(configFile: string | undefined): DocumentSettings {
  if (configFile === undefined) return {};
  if (!fs.existsSync(configFile)) throw new UsageError(`Config file not found: ${configFile}`);
  const full = path.resolve(configFile);
  const read = readFileSafely(full, { maxBytes: MAX_DEPENDENCY_BYTES });
  const problem = 'refused' in read ? { cause: `${full} was not read: ${describeRefusal(read.refused)}` } : parseConfig(read.text, full, new Set(RULES.map((rule) => rule.meta.id))).problem;
  if (problem) throw new UsageError(`${problem.cause}; nothing was checked.`);
  return { configFile: full };
}

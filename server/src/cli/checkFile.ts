import * as path from 'node:path';
import { kindFromUri } from '../core/parse/parseDocument';
import { describeRefusal } from '../core/service/fileSystem';
import { DEFAULT_MAX_DOCUMENT_SIZE, type DocumentSettings, type LanguageService } from '../core/service/languageService';
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

/** Reads and checks one file; only the findings are kept, so the text and model can go at once. */
export function checkFile(service: LanguageService, file: string, settings: DocumentSettings): CheckedFile {
  const analysis = service.analyze({ uri: path.resolve(file), version: 0, text: readDocumentText(file), kindHint: kindFromUri(file) }, settings);
  return toCheckedFile(file, analysis);
}
